package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public class JenkinsLocationConfiguration extends GlobalConfiguration {

    public static @NonNull JenkinsLocationConfiguration get() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getAdminAddress() {
        throw new UnsupportedOperationException();
    }
}
