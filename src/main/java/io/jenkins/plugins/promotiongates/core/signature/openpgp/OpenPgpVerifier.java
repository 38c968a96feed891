package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import io.jenkins.plugins.promotiongates.core.signature.Rejection;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;

/**
 * OpenPGP detached signatures ({@code gpg --detach-sign}, armored or binary) against trusted
 * OpenPGP certificates. Built on Bouncy Castle's packet API only; the rules that decide (packet
 * rules, key validity at signing time, the signature itself) are written out in this package.
 */
public final class OpenPgpVerifier implements SignatureVerifier {

    private final Clock clock;

    /** @param clock the verification time, for signature expiry and future-dated signatures */
    public OpenPgpVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.OPENPGP;
    }

    @Override
    public boolean recognizes(byte[] signature) {
        return OpenPgpSignatures.looksLikeSignature(signature);
    }

    @Override
    public Verification verify(VerifierInput input) throws IOException {
        Issued issued = null;
        try {
            List<PGPSignature> signatures = OpenPgpSignatures.parse(input.signature());
            TrustedPgpKeys keys = TrustedPgpKeys.from(input.trustedKeys());
            if (keys.isEmpty()) {
                throw new SignatureRejectedException(
                        "cannot be checked: none of the trusted keys (" + Rejection.trustedKeyNames(input)
                                + ") is an OpenPGP key",
                        "Add the signer's public key exported with gpg --export --armor to the trusted keys.");
            }
            issued = findTrustedIssuer(input, signatures, keys);
            return verifyIssued(input, issued);
        } catch (RuntimeException malformed) {
            // Bouncy Castle parses packets lazily: a damaged structure can fail anywhere in it.
            return Rejection.of(
                    input, SignatureFormat.OPENPGP, "", "", null, Rejection.malformed("OpenPGP", "gpg --detach-sign"));
        } catch (SignatureRejectedException e) {
            return Rejection.of(
                    input,
                    SignatureFormat.OPENPGP,
                    "",
                    issued == null ? "" : issued.key().fingerprint(),
                    null,
                    e);
        }
    }

    private record Issued(PGPSignature signature, PgpSigningKey key) {}

    private Verification verifyIssued(VerifierInput input, Issued issued)
            throws IOException, SignatureRejectedException {
        PGPSignature signature = issued.signature();
        PgpSigningKey signer = issued.key();
        Instant now = clock.instant();
        String hash = SignaturePacketRules.check(signature, input.policy(), now);
        String keyAlgorithm = PgpKeyStrength.check(signer, input.policy());
        Instant signedAt = signature.getCreationTime().toInstant();
        PgpKeyValidity.check(signer, signedAt);
        checkIdentity(input, signer);
        String algorithm = keyAlgorithm + "/" + hash;
        PgpDataSignature.Result result;
        try {
            result = PgpDataSignature.verify(signature, signer.key(), hash, input.artifact());
        } catch (PGPException | RuntimeException e) {
            throw new SignatureRejectedException(
                    "could not be checked with key 0x" + signer.fingerprint() + " (" + signer.trustedKeyName()
                            + "): the signature value is malformed",
                    "Sign the artifact again with gpg --detach-sign.");
        }
        if (!result.verified()) {
            return Rejection.of(
                    input,
                    SignatureFormat.OPENPGP,
                    algorithm,
                    signer.fingerprint(),
                    result.hashes(),
                    new SignatureRejectedException(
                            "does not verify with key 0x" + signer.fingerprint() + " (" + signer.trustedKeyName()
                                    + "): the artifact changed after signing, or the signature belongs to another file",
                            "Check that the signature was made over this exact file, and sign again if it was rebuilt."));
        }
        List<String> warnings = signer.isSubkey()
                ? List.of("Signed by subkey 0x" + signer.fingerprint() + " of key 0x"
                        + PgpSigningKey.fingerprint(signer.primary().getFingerprint()))
                : List.of();
        return new Verification(
                true,
                SignatureFormat.OPENPGP,
                algorithm,
                result.hashes().sha256(),
                result.hashes().size(),
                signer.fingerprint(),
                signer.trustedKeyName(),
                signer.primaryUserId(),
                warnings,
                "");
    }

    /** The first signature whose issuer is a trusted key. */
    private static Issued findTrustedIssuer(VerifierInput input, List<PGPSignature> signatures, TrustedPgpKeys keys)
            throws SignatureRejectedException {
        String firstIssuer = null;
        for (PGPSignature signature : signatures) {
            PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
            IssuerFingerprint fingerprint = hashed == null ? null : hashed.getIssuerFingerprint();
            if (fingerprint != null) {
                Optional<PgpSigningKey> key = keys.byFingerprint(fingerprint.getFingerprint());
                if (key.isPresent()) {
                    return new Issued(signature, key.get());
                }
                firstIssuer =
                        firstIssuer == null ? PgpSigningKey.fingerprint(fingerprint.getFingerprint()) : firstIssuer;
                continue;
            }
            // Without a fingerprint the key id (possibly unhashed) is only a hint: the signature check decides.
            long keyId = signature.getKeyID();
            List<PgpSigningKey> candidates = keys.byKeyId(keyId);
            if (!candidates.isEmpty()) {
                return new Issued(signature, candidates.get(0));
            }
            firstIssuer = firstIssuer == null ? String.format("%016X", keyId) : firstIssuer;
        }
        throw new SignatureRejectedException(
                "was made by key 0x" + firstIssuer + " which is not among the trusted keys ("
                        + Rejection.trustedKeyNames(input) + ")",
                "Add the key to the trusted keys or sign with a trusted key.");
    }

    private static void checkIdentity(VerifierInput input, PgpSigningKey signer) throws SignatureRejectedException {
        if (input.identity().isEmpty()) {
            return;
        }
        String expected = input.identity().get();
        for (java.util.Iterator<String> ids = signer.primary().getUserIDs(); ids.hasNext(); ) {
            String id = ids.next();
            if (id.equals(expected) || id.endsWith("<" + expected + ">")) {
                return;
            }
        }
        throw new SignatureRejectedException(
                "was made by key 0x" + signer.fingerprint() + ", which has no user id '" + expected + "'",
                "Sign with the key of '" + expected + "', or change the expected identity.");
    }
}
