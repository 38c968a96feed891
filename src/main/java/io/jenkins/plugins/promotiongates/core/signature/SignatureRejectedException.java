package io.jenkins.plugins.promotiongates.core.signature;

/**
 * Thrown inside a verifier when a signature cannot be accepted; the verifier turns it into a
 * {@link Verification} with {@code verified == false} through {@link Rejection}. Carries no
 * stack trace worth showing: the message is the whole story.
 */
public final class SignatureRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String remedy;

    /**
     * @param reason what is wrong, phrased to follow "Signature S over A", e.g. "was made by key 0xAB which is not trusted"
     * @param remedy what would fix it, a full sentence
     */
    public SignatureRejectedException(String reason, String remedy) {
        super(reason + ". " + remedy, null, false, false);
        this.reason = reason;
        this.remedy = remedy;
    }

    public String reason() {
        return reason;
    }

    public String remedy() {
        return remedy;
    }
}
