package io.jenkins.plugins.promotiongates.core.signature.ssh;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Verifies SSH signatures ({@code ssh-keygen -Y sign}, armored SSHSIG) as {@code ssh-keygen -Y verify}
 * does: the namespace must be the requested one ({@code file} by default), the signing key must be
 * a trusted key (an allowed_signers line or a bare public key) that allows the namespace and the
 * requested principal and is valid now, and the signature must verify over the file's SHA-256 or
 * SHA-512, computed in the same read as the audit SHA-256.
 */
public final class SshVerifier implements SignatureVerifier {

    /** The namespace {@code ssh-keygen -Y sign -n file} uses, and the default here. */
    public static final String DEFAULT_NAMESPACE = "file";

    private final StreamingDigester digester;
    private final Clock clock;

    public SshVerifier(StreamingDigester digester, Clock clock) {
        this.digester = digester;
        this.clock = clock;
    }

    public SshVerifier() {
        this(new StreamingDigester(), Clock.systemDefaultZone());
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.SSH;
    }

    @Override
    public boolean recognizes(byte[] signature) {
        return SshSignature.looksLike(signature);
    }

    @Override
    public Verification verify(VerifierInput input) throws IOException {
        String algorithm = "";
        try {
            SshSignature signature = SshSignature.parse(input.signature());
            SshPublicKey signingKey = SshPublicKey.parse(signature.publicKey(), "the signature", input.policy());
            SshSignatureAlgorithm signatureAlgorithm =
                    SshSignatureAlgorithm.of(signature.signatureType(), signingKey, input.policy());
            DigestAlgorithm hash = signature.digestAlgorithm();
            algorithm = signatureAlgorithm.description() + " over " + hash.jcaName();
            checkNamespace(signature, input);
            AllowedSigner signer = new SignerSelection(clock).select(signingKey, signature.namespace(), input);
            Digests digests = digester.digest(input.artifact(), EnumSet.of(DigestAlgorithm.SHA256, hash));
            if (!signatureAlgorithm.verifies(
                    signingKey, signature.signedData(digests.get(hash)), signature.signatureBlob())) {
                return new SignatureRejectedException(
                                "the SSH signature does not match the file's content",
                                "Check that the signature belongs to this file and that the file was not modified "
                                        + "after signing.")
                        .toVerification(format(), input.artifactName(), algorithm, digests);
            }
            return new Verification(
                    true,
                    format(),
                    algorithm,
                    digests.sha256(),
                    digests.size(),
                    signingKey.fingerprint(),
                    signer.trustedKeyName(),
                    input.identity().orElse(String.join(",", signer.principals())),
                    List.of(),
                    "");
        } catch (SignatureRejectedException e) {
            return e.toVerification(format(), input.artifactName(), algorithm, null);
        }
    }

    private static void checkNamespace(SshSignature signature, VerifierInput input) throws SignatureRejectedException {
        String expected = input.namespace().filter(ns -> !ns.isBlank()).orElse(DEFAULT_NAMESPACE);
        if (!signature.namespace().equals(expected)) {
            throw new SignatureRejectedException(
                    "the SSH signature was made for namespace '" + SshPublicKey.printable(signature.namespace())
                            + "', not '" + expected + "'",
                    "Sign with 'ssh-keygen -Y sign -n " + expected + "', or pass namespace: '"
                            + SshPublicKey.printable(signature.namespace()) + "' if that namespace is intended.");
        }
    }
}
