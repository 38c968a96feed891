package io.jenkins.plugins.promotiongates.core.attestation;

/**
 * An attestation that {@link AttestationVerifier} refuses: not a DSSE envelope, not signed by the
 * given key, or not a promotion statement. The message names the input, the reason and what would
 * fix it; it never holds key material.
 */
public final class AttestationRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String remedy;

    /**
     * @param input what was read, such as a file name
     * @param reason what is wrong, without a final period
     * @param remedy what would fix it, a full sentence
     */
    public AttestationRejectedException(String input, String reason, String remedy) {
        super(input + ": " + reason + ". " + remedy);
        this.reason = reason;
        this.remedy = remedy;
    }

    /** What is wrong, without the input's name. */
    public String reason() {
        return reason;
    }

    /** What would fix it. */
    public String remedy() {
        return remedy;
    }
}
