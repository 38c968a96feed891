package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import java.util.List;

/**
 * Thrown inside a verifier when a signature, key or artifact is refused; the verifier turns it into
 * a {@link Verification} with {@code verified == false} through {@link #toVerification}. The
 * reason and remedy never contain key material.
 */
public final class SignatureRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String remedy;

    /**
     * @param reason what is wrong, without a final period
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

    /** The failure message for {@code artifactName}: the artifact, the reason, the remedy. */
    public String failureFor(String artifactName) {
        return "Signature check of '" + artifactName + "' failed: " + reason + ". " + remedy;
    }

    /**
     * The failed verdict.
     *
     * @param digests the artifact's digests if it was read, else {@code null} (then the digest is
     *     null and the size is -1)
     */
    public Verification toVerification(SignatureFormat format, String artifactName, String algorithm, Digests digests) {
        return new Verification(
                false,
                format,
                algorithm,
                digests == null ? null : digests.sha256(),
                digests == null ? -1 : digests.size(),
                "",
                "",
                "",
                List.of(),
                failureFor(artifactName));
    }
}
