package io.jenkins.plugins.promotiongates.core.signature;

import java.io.IOException;

/**
 * The format of a signature file could not be told from its content: no format, or several,
 * recognise it. The message names the file and tells the user to pass the format explicitly.
 */
public final class UndetectedFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public UndetectedFormatException(String message) {
        super(message);
    }
}
