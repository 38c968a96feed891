package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;

public abstract class Cause {

    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {

        public UserIdCause(@CheckForNull String userId) {
            throw new UnsupportedOperationException();
        }

        @CheckForNull
        public String getUserId() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException();
        }
    }

    public static class UpstreamCause extends Cause {

        public String getUpstreamProject() {
            throw new UnsupportedOperationException();
        }

        public int getUpstreamBuild() {
            throw new UnsupportedOperationException();
        }

        public @CheckForNull Run<?, ?> getUpstreamRun() {
            throw new UnsupportedOperationException();
        }

        public List<Cause> getUpstreamCauses() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException();
        }
    }
}
