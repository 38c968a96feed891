package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;

/**
 * What a data signature must be before its key or its hash is looked at: version 4, a binary
 * (0x00) or text (0x01) document signature, a hashed creation time, no critical subpacket this
 * verifier does not understand, an accepted hash, not expired. Only hashed subpackets count.
 */
final class SignaturePacketRules {

    /** Subpackets understood in a data signature; a critical one outside this set is refused. */
    private static final Set<Integer> UNDERSTOOD = Set.of(
            SignatureSubpacketTags.CREATION_TIME,
            SignatureSubpacketTags.EXPIRE_TIME,
            SignatureSubpacketTags.ISSUER_KEY_ID,
            SignatureSubpacketTags.SIGNER_USER_ID,
            SignatureSubpacketTags.ISSUER_FINGERPRINT,
            SignatureSubpacketTags.INTENDED_RECIPIENT_FINGERPRINT);

    /** Clock skew tolerated between the signer and this machine. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private SignaturePacketRules() {}

    /**
     * Checks the packet and returns its hash's JCA name.
     *
     * @param now the verification time, for the signature's own expiry
     */
    static String check(PGPSignature signature, AlgorithmPolicy policy, Instant now) throws SignatureRejectedException {
        if (signature.getVersion() != 4) {
            throw new SignatureRejectedException(
                    "is an OpenPGP version " + signature.getVersion() + " signature; only version 4 is accepted",
                    "Sign with GnuPG 2.2 or newer, or another tool that makes version 4 signatures.");
        }
        int type = signature.getSignatureType();
        if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            throw new SignatureRejectedException(
                    String.format("has signature type 0x%02X, not a document signature (0x00 or 0x01)", type),
                    "Give a detached signature made with gpg --detach-sign, not a key certification.");
        }
        PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
        if (hashed == null || hashed.getSignatureCreationTime() == null) {
            throw new SignatureRejectedException(
                    "has no signed creation time", "Sign again with a current OpenPGP implementation.");
        }
        for (SignatureSubpacket subpacket : hashed.toArray()) {
            if (subpacket.isCritical() && !UNDERSTOOD.contains(subpacket.getType())) {
                throw new SignatureRejectedException(
                        "carries a critical subpacket of type " + subpacket.getType()
                                + " that this verifier does not understand, so it must not accept it",
                        "Sign without that subpacket (for example without a critical notation).");
            }
        }
        String hash = hashName(signature.getHashAlgorithm());
        if (hash.startsWith("hash algorithm")) {
            throw new SignatureRejectedException(
                    "uses an unknown " + hash, "Sign again with gpg --digest-algo SHA256 (or SHA512).");
        }
        String hashRefusal = policy.refuseHash(hash);
        if (hashRefusal != null) {
            throw new SignatureRejectedException(
                    "uses " + hash + ": " + hashRefusal,
                    "Sign again with gpg --digest-algo SHA256 (or SHA512), or have an administrator change the algorithm policy.");
        }
        Instant created = hashed.getSignatureCreationTime().toInstant();
        if (created.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new SignatureRejectedException(
                    "claims to be made at " + created + ", in the future",
                    "Check the signing machine's clock and sign again.");
        }
        long lifetime = hashed.getSignatureExpirationTime();
        if (lifetime > 0 && !created.plusSeconds(lifetime).isAfter(now)) {
            throw new SignatureRejectedException(
                    "expired at " + created.plusSeconds(lifetime),
                    "Sign the artifact again (gpg --default-sig-expire or --ask-sig-expire set the lifetime).");
        }
        return hash;
    }

    /** JCA name of an OpenPGP hash algorithm id. */
    static String hashName(int id) {
        return switch (id) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA-1";
            case HashAlgorithmTags.RIPEMD160 -> "RIPEMD-160";
            case HashAlgorithmTags.SHA224 -> "SHA-224";
            case HashAlgorithmTags.SHA256 -> "SHA-256";
            case HashAlgorithmTags.SHA384 -> "SHA-384";
            case HashAlgorithmTags.SHA512 -> "SHA-512";
            case HashAlgorithmTags.SHA3_256 -> "SHA3-256";
            case HashAlgorithmTags.SHA3_512 -> "SHA3-512";
            default -> "hash algorithm " + id;
        };
    }
}
