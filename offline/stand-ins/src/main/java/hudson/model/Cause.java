package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

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
}
