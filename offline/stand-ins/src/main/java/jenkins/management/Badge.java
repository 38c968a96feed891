package jenkins.management;

import edu.umd.cs.findbugs.annotations.NonNull;

public class Badge {

    public Badge(@NonNull String text, @NonNull String tooltip, @NonNull Severity severity) {
        throw new UnsupportedOperationException();
    }

    public enum Severity {
        DANGER,
        WARNING,
        INFO
    }
}
