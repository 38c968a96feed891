package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;

public final class Secret implements Serializable {

    public String getEncryptedValue() {
        throw new UnsupportedOperationException();
    }

    public static Secret decrypt(@CheckForNull String data) {
        throw new UnsupportedOperationException();
    }

    public static Secret fromString(@CheckForNull String data) {
        throw new UnsupportedOperationException();
    }

    public String getPlainText() {
        throw new UnsupportedOperationException();
    }
}
