package io.jenkins.plugins.promotiongates.core.signature.minisign;

import io.jenkins.plugins.promotiongates.core.artifact.ByteSink;
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
import java.io.IOException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Verifies minisign signatures: prehashed ({@code ED}, BLAKE2b-512 of the file, the default since
 * minisign 0.8) and legacy ({@code Ed}, the whole file). The key number must match a trusted key,
 * and the global signature over the trusted comment must verify; the trusted comment is returned
 * as the signer identity.
 */
public final class MinisignVerifier implements SignatureVerifier {

    static final String PREHASHED_ALGORITHM = "Ed25519/BLAKE2b-512";
    static final String LEGACY_ALGORITHM = "Ed25519 (legacy, whole file)";

    private final StreamingDigester digester;
    private final WholeMessageLimit wholeMessageLimit;

    public MinisignVerifier(StreamingDigester digester, WholeMessageLimit wholeMessageLimit) {
        this.digester = digester;
        this.wholeMessageLimit = wholeMessageLimit;
    }

    public MinisignVerifier() {
        this(new StreamingDigester(), WholeMessageLimit.DEFAULT);
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.MINISIGN;
    }

    @Override
    public boolean recognizes(byte[] signature) {
        return MinisignSignature.looksLike(signature);
    }

    @Override
    public Verification verify(VerifierInput input) throws IOException {
        MinisignSignature signature;
        try {
            signature = MinisignSignature.parse(input.signature());
        } catch (SignatureRejectedException e) {
            return e.toVerification(format(), input.artifactName(), "", null);
        }
        String algorithm = signature.prehashed() ? PREHASHED_ALGORITHM : LEGACY_ALGORITHM;
        try {
            NumberedEd25519Key trusted =
                    NumberedEd25519Key.trustedFor(signature.keyNumber(), input, "minisign", "minisign.pub");
            PublicKey key = Ed25519.fromRaw(trusted.rawKey(), trusted.trustedKeyName());
            verifyEd25519(key, signature.globalSignedData(), signature.globalSignature(), "trusted comment");
            return signature.prehashed()
                    ? verifyPrehashed(input, signature, trusted, key)
                    : verifyLegacy(input, signature, trusted, key);
        } catch (SignatureRejectedException e) {
            return e.toVerification(format(), input.artifactName(), algorithm, null);
        }
    }

    private Verification verifyPrehashed(
            VerifierInput input, MinisignSignature signature, NumberedEd25519Key trusted, PublicKey key)
            throws IOException, SignatureRejectedException {
        Blake2bDigest blake2b = new Blake2bDigest(512);
        ByteSink sink = blake2b::update;
        Digests digests = digester.digest(input.artifact(), Set.of(DigestAlgorithm.SHA256), sink);
        byte[] hash = new byte[64];
        blake2b.doFinal(hash, 0);
        try {
            verifyEd25519(key, hash, signature.signature(), "file");
        } catch (SignatureRejectedException e) {
            return e.toVerification(format(), input.artifactName(), PREHASHED_ALGORITHM, digests);
        }
        return verified(signature, trusted, digests, PREHASHED_ALGORITHM, List.of());
    }

    private Verification verifyLegacy(
            VerifierInput input, MinisignSignature signature, NumberedEd25519Key trusted, PublicKey key)
            throws IOException, SignatureRejectedException {
        wholeMessageLimit.check(
                input.artifact().size(),
                "legacy minisign (-l)",
                "Sign with current minisign without -l (prehashed), which has no size limit.");
        Signature verifier = Ed25519.newVerifier(key);
        Digests digests =
                digester.digest(input.artifact(), Set.of(DigestAlgorithm.SHA256), wholeMessageLimit.sink(verifier));
        if (!Ed25519.verifies(verifier, signature.signature())) {
            return new SignatureRejectedException(fileMismatch(), FILE_MISMATCH_REMEDY)
                    .toVerification(format(), input.artifactName(), LEGACY_ALGORITHM, digests);
        }
        return verified(
                signature,
                trusted,
                digests,
                LEGACY_ALGORITHM,
                List.of("legacy minisign signature (-l): re-sign with current minisign, whose prehashed "
                        + "signatures have no size limit"));
    }

    private Verification verified(
            MinisignSignature signature,
            NumberedEd25519Key trusted,
            Digests digests,
            String algorithm,
            List<String> warnings) {
        return new Verification(
                true,
                format(),
                algorithm,
                digests.sha256(),
                digests.size(),
                trusted.keyId(),
                trusted.trustedKeyName(),
                signature.trustedComment(),
                warnings,
                "");
    }

    private static final String FILE_MISMATCH_REMEDY =
            "Check that the signature belongs to this file and that the file was not modified after signing.";

    private static String fileMismatch() {
        return "the minisign signature does not match the file's content";
    }

    private static void verifyEd25519(PublicKey key, byte[] data, byte[] signature, String what)
            throws SignatureRejectedException {
        if (Ed25519.verifies(key, data, signature)) {
            return;
        }
        if (what.equals("file")) {
            throw new SignatureRejectedException(fileMismatch(), FILE_MISMATCH_REMEDY);
        }
        throw new SignatureRejectedException(
                "the global signature over the trusted comment does not verify (the comment or signature "
                        + "was altered, or another key made it)",
                "Use the .minisig file exactly as 'minisign -S' wrote it.");
    }
}
