package io.jenkins.plugins.promotiongates.core.notify;

/** A notification could not be sent; the message names the destination and the reason, never a secret. */
public final class NotificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
