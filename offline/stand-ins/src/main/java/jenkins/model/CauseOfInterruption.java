package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import java.io.Serializable;

public abstract class CauseOfInterruption implements Serializable {

    public abstract String getShortDescription();

    public void print(TaskListener listener) {
        throw new UnsupportedOperationException();
    }

    public static final class UserInterruption extends CauseOfInterruption {

        public UserInterruption(@NonNull String userId) {
            throw new UnsupportedOperationException();
        }

        @NonNull
        public String getUserId() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException();
        }
    }
}
