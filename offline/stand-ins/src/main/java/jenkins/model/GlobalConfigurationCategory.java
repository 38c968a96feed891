package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;

public abstract class GlobalConfigurationCategory implements ExtensionPoint {

    public static @NonNull <T extends GlobalConfigurationCategory> T get(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public static class Security extends GlobalConfigurationCategory {}
}
