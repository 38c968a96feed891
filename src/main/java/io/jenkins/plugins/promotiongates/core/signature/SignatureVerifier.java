package io.jenkins.plugins.promotiongates.core.signature;

import java.io.IOException;

/**
 * Verifies one signature format. Implementations read the artifact once through
 * {@code StreamingDigester}, computing the audit SHA-256 in the same pass, and never use a
 * Bouncy Castle digest on the data path.
 */
public interface SignatureVerifier {

    SignatureFormat format();

    /** Whether {@code signature} looks like this format; used when the format is {@code auto}. */
    boolean recognizes(byte[] signature);

    /**
     * Checks the signature. A signature that does not verify, is malformed, is by an untrusted
     * key or uses a refused algorithm gives a {@link Verification} with {@code verified == false}
     * and a {@code failure} message naming the artifact, the reason and the remedy.
     *
     * @throws IOException only when the artifact cannot be read
     */
    Verification verify(VerifierInput input) throws IOException;
}
