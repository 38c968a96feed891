package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;

/**
 * A repository refused or failed a promotion. The message names the artifact and the location, the
 * reason and the remedy; it never contains credentials.
 */
public class RepositoryException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean refused;

    /**
     * @param refused {@code true} when the repository decided not to write (a different digest is there);
     *     {@code false} when the write failed (network, permissions, server errors)
     */
    public RepositoryException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
        this.refused = false;
    }

    /** Whether the repository refused on purpose, as opposed to failing. */
    public boolean isRefusal() {
        return refused;
    }
}
