package io.jenkins.plugins.promotiongates.core.sink;

/**
 * A batch was not delivered; it stays queued and is sent again. The message names the receiver, what
 * happened and what to check, and never holds a secret.
 */
public final class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean tooLarge;

    DeliveryException(String message) {
        this(message, false);
    }

    DeliveryException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    /** The receiver refused the batch as too large: send fewer messages at a time. */
    boolean tooLarge() {
        return tooLarge;
    }
}
