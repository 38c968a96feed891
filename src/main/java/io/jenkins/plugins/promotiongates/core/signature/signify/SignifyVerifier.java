package io.jenkins.plugins.promotiongates.core.signature.signify;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.Ed25519;
import io.jenkins.plugins.promotiongates.core.signature.NumberedEd25519Key;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import io.jenkins.plugins.promotiongates.core.signature.WholeMessageLimit;
import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumCheck;
import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumList;
import java.io.IOException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.Set;

/**
 * Verifies signify signatures. A detached signature ({@code signify -S}) is pure Ed25519 over the
 * whole artifact, so the artifact is held in memory and capped by {@link WholeMessageLimit}. A
 * signature with an embedded checksum list ({@code signify -S -e} over a {@code sha256sum --tag}
 * list, checked by {@code signify -C}) is verified, then the artifact is streamed and compared with
 * the list's line for it: no size limit.
 */
public final class SignifyVerifier implements SignatureVerifier {

    static final String DETACHED_ALGORITHM = "Ed25519";

    private final StreamingDigester digester;
    private final WholeMessageLimit wholeMessageLimit;
    private final ChecksumCheck checksumCheck;

    public SignifyVerifier(StreamingDigester digester, WholeMessageLimit wholeMessageLimit) {
        this.digester = digester;
        this.wholeMessageLimit = wholeMessageLimit;
        this.checksumCheck = new ChecksumCheck(digester);
    }

    public SignifyVerifier() {
        this(new StreamingDigester(), WholeMessageLimit.DEFAULT);
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.SIGNIFY;
    }

    @Override
    public boolean recognizes(byte[] signature) {
        return SignifySignature.looksLike(signature);
    }

    @Override
    public Verification verify(VerifierInput input) throws IOException {
        String algorithm = DETACHED_ALGORITHM;
        try {
            SignifySignature signature = SignifySignature.parse(input.signature());
            NumberedEd25519Key key =
                    NumberedEd25519Key.trustedFor(signature.keyNumber(), input, "signify", "signify .pub");
            PublicKey publicKey = Ed25519.fromRaw(key.rawKey(), key.trustedKeyName());
            if (signature.embedded()) {
                algorithm = "Ed25519 (signed checksum list)";
                return verifyChecksumList(input, signature, publicKey, key);
            }
            return verifyDetached(input, signature, publicKey, key);
        } catch (SignatureRejectedException e) {
            return e.toVerification(format(), input.artifactName(), algorithm, null);
        }
    }

    private Verification verifyDetached(
            VerifierInput input, SignifySignature signature, PublicKey publicKey, NumberedEd25519Key key)
            throws IOException, SignatureRejectedException {
        wholeMessageLimit.check(
                input.artifact().size(),
                "signify -S",
                "Sign a checksum list instead: 'sha256sum --tag FILE > SHA256 && signify -S -e -s KEY -m SHA256' "
                        + "and verify with the SHA256.sig file, which has no size limit.");
        Signature verifier = Ed25519.newVerifier(publicKey);
        Digests digests =
                digester.digest(input.artifact(), Set.of(DigestAlgorithm.SHA256), wholeMessageLimit.sink(verifier));
        if (!Ed25519.verifies(verifier, signature.signature())) {
            return new SignatureRejectedException(
                            "the signify signature does not match the file's content",
                            "Check that the signature belongs to this file and that the file was not modified "
                                    + "after signing.")
                    .toVerification(format(), input.artifactName(), DETACHED_ALGORITHM, digests);
        }
        return verified(DETACHED_ALGORITHM, digests, key);
    }

    private Verification verifyChecksumList(
            VerifierInput input, SignifySignature signature, PublicKey publicKey, NumberedEd25519Key key)
            throws IOException, SignatureRejectedException {
        if (!Ed25519.verifies(publicKey, signature.embeddedMessage(), signature.signature())) {
            throw new SignatureRejectedException(
                    "the signature over the embedded checksum list does not verify (the list was altered, or "
                            + "another key signed it)",
                    "Use the signed checksum file exactly as 'signify -S -e' wrote it.");
        }
        ChecksumList list = ChecksumList.parse(signature.embeddedMessage());
        ChecksumCheck.Outcome outcome = checksumCheck.check(list, input.artifact(), input.artifactName());
        String algorithm = "Ed25519 (signed checksum list, " + outcome.algorithm() + ")";
        if (outcome.rejection() != null) {
            return outcome.rejection().toVerification(format(), input.artifactName(), algorithm, outcome.digests());
        }
        return verified(algorithm, outcome.digests(), key);
    }

    private Verification verified(String algorithm, Digests digests, NumberedEd25519Key key) {
        return new Verification(
                true,
                format(),
                algorithm,
                digests.sha256(),
                digests.size(),
                key.keyId(),
                key.trustedKeyName(),
                "",
                List.of(),
                "");
    }
}
