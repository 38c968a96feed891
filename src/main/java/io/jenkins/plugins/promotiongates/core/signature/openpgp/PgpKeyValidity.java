package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * Whether a key could make a signature at the signature's creation time: the primary key's
 * self-signature, a subkey's binding to its primary including the primary-key back-signature
 * (0x19) that proves the subkey agreed, key flags, expiry and revocation, each judged at that
 * time. Every binding and revocation signature is verified, not trusted on sight. Hard
 * revocations (compromised, or no soft reason) count whenever they were made; soft ones
 * (superseded, retired) only from their own creation on.
 */
final class PgpKeyValidity {

    private static final JcaPGPContentVerifierBuilderProvider VERIFIERS = new JcaPGPContentVerifierBuilderProvider();

    private PgpKeyValidity() {}

    static void check(PgpSigningKey signer, Instant signedAt) throws SignatureRejectedException {
        PGPPublicKey primary = signer.primary();
        String name = "key 0x" + PgpSigningKey.fingerprint(primary.getFingerprint());
        PGPSignature selfSignature = applicable(primarySelfSignatures(primary), signedAt, name);
        checkRevocation(primary, PGPSignature.KEY_REVOCATION, primary, null, signedAt, name);
        checkExpiry(primary, selfSignature, signedAt, name);
        if (!signer.isSubkey()) {
            checkSigningFlag(selfSignature, name);
            return;
        }
        PGPPublicKey subkey = signer.key();
        String subkeyName = "subkey 0x" + signer.fingerprint() + " of " + name;
        PGPSignature binding = applicable(subkeyBindings(primary, subkey), signedAt, subkeyName);
        checkSigningFlag(binding, subkeyName);
        checkBackSignature(binding, primary, subkey, subkeyName);
        checkRevocation(subkey, PGPSignature.SUBKEY_REVOCATION, primary, subkey, signedAt, subkeyName);
        checkExpiry(subkey, binding, signedAt, subkeyName);
    }

    private static List<PGPSignature> primarySelfSignatures(PGPPublicKey primary) {
        List<PGPSignature> valid = new ArrayList<>();
        for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
            String id = ids.next();
            for (Iterator<PGPSignature> it = primary.getSignaturesForID(id); it.hasNext(); ) {
                PGPSignature signature = it.next();
                if (signature.isCertification()
                        && signature.getKeyID() == primary.getKeyID()
                        && verifies(signature, primary, s -> s.verifyCertification(id, primary))) {
                    valid.add(signature);
                }
            }
        }
        for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY); it.hasNext(); ) {
            PGPSignature signature = it.next();
            if (verifies(signature, primary, s -> s.verifyCertification(primary))) {
                valid.add(signature);
            }
        }
        return valid;
    }

    private static List<PGPSignature> subkeyBindings(PGPPublicKey primary, PGPPublicKey subkey) {
        List<PGPSignature> valid = new ArrayList<>();
        for (Iterator<PGPSignature> it = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING); it.hasNext(); ) {
            PGPSignature signature = it.next();
            if (verifies(signature, primary, s -> s.verifyCertification(primary, subkey))) {
                valid.add(signature);
            }
        }
        return valid;
    }

    /**
     * The newest valid self-signature made at or before {@code at}; failing that, the oldest
     * later one, because GnuPG replaces a key's self-signature when its expiry is changed, and
     * signatures made before that change must stay verifiable.
     */
    private static PGPSignature applicable(List<PGPSignature> signatures, Instant at, String name)
            throws SignatureRejectedException {
        PGPSignature before = null;
        PGPSignature after = null;
        for (PGPSignature signature : signatures) {
            Instant created = signature.getCreationTime().toInstant();
            if (!created.isAfter(at)) {
                if (before == null || created.isAfter(before.getCreationTime().toInstant())) {
                    before = signature;
                }
            } else if (after == null || created.isBefore(after.getCreationTime().toInstant())) {
                after = signature;
            }
        }
        if (before == null && after == null) {
            throw new SignatureRejectedException(
                    "was made by " + name + ", which has no valid self-signature or binding",
                    "Export the signer's key again with gpg --export --armor (it must carry its self-signatures) and update the trusted key.");
        }
        return before != null ? before : after;
    }

    private static void checkSigningFlag(PGPSignature selfSignature, String name) throws SignatureRejectedException {
        PGPSignatureSubpacketVector hashed = selfSignature.getHashedSubPackets();
        if (hashed != null
                && hashed.hasSubpacket(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS)
                && (hashed.getKeyFlags() & KeyFlags.SIGN_DATA) == 0) {
            throw new SignatureRejectedException(
                    "was made by " + name + ", which is not allowed to sign data (its key flags lack 'sign')",
                    "Sign with a signing key or subkey (gpg --quick-add-key FPR ed25519 sign).");
        }
    }

    private static void checkBackSignature(PGPSignature binding, PGPPublicKey primary, PGPPublicKey subkey, String name)
            throws SignatureRejectedException {
        for (PGPSignatureSubpacketVector area :
                new PGPSignatureSubpacketVector[] {binding.getHashedSubPackets(), binding.getUnhashedSubPackets()}) {
            if (area == null) {
                continue;
            }
            PGPSignatureList embedded;
            try {
                embedded = area.getEmbeddedSignatures();
            } catch (PGPException | RuntimeException e) {
                continue;
            }
            for (PGPSignature back : embedded) {
                if (back.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING
                        && verifies(back, subkey, s -> s.verifyCertification(primary, subkey))) {
                    return;
                }
            }
        }
        throw new SignatureRejectedException(
                "was made by " + name
                        + ", whose binding lacks a valid primary-key back-signature, so the subkey never agreed to belong to that key",
                "Recreate the signing subkey with GnuPG 2.x (which adds the back-signature) and export the key again.");
    }

    private static void checkRevocation(
            PGPPublicKey key, int type, PGPPublicKey primary, PGPPublicKey subkey, Instant at, String name)
            throws SignatureRejectedException {
        for (Iterator<PGPSignature> it = key.getSignaturesOfType(type); it.hasNext(); ) {
            PGPSignature revocation = it.next();
            boolean valid = verifies(
                    revocation,
                    primary,
                    s -> subkey == null ? s.verifyCertification(primary) : s.verifyCertification(primary, subkey));
            if (!valid) {
                continue;
            }
            RevocationReason reason = revocation.getHashedSubPackets() == null
                    ? null
                    : revocation.getHashedSubPackets().getRevocationReason();
            boolean soft = reason != null
                    && (reason.getRevocationReason() == RevocationReasonTags.KEY_SUPERSEDED
                            || reason.getRevocationReason() == RevocationReasonTags.KEY_RETIRED);
            Instant revokedAt = revocation.getCreationTime().toInstant();
            if (!soft || !revokedAt.isAfter(at)) {
                throw new SignatureRejectedException(
                        "was made by " + name + ", which is revoked (" + describe(reason) + ", revoked at " + revokedAt
                                + ")",
                        "Sign with a key that is not revoked and update the trusted keys.");
            }
        }
    }

    private static void checkExpiry(PGPPublicKey key, PGPSignature selfSignature, Instant at, String name)
            throws SignatureRejectedException {
        Instant created = key.getCreationTime().toInstant();
        if (created.isAfter(at)) {
            throw new SignatureRejectedException(
                    "claims to be made at " + at + " by " + name + ", before that key was created (" + created + ")",
                    "Check the signing machine's clock and sign again.");
        }
        PGPSignatureSubpacketVector hashed = selfSignature.getHashedSubPackets();
        long lifetime = hashed == null ? 0 : hashed.getKeyExpirationTime();
        if (lifetime > 0 && !created.plusSeconds(lifetime).isAfter(at)) {
            throw new SignatureRejectedException(
                    "was made at " + at + " by " + name + ", which had expired at " + created.plusSeconds(lifetime),
                    "Sign with a valid key, or extend the key (gpg --quick-set-expire), sign again and update the trusted key.");
        }
    }

    private static String describe(RevocationReason reason) {
        if (reason == null) {
            return "no reason given";
        }
        return switch (reason.getRevocationReason()) {
            case RevocationReasonTags.NO_REASON -> "no reason specified";
            case RevocationReasonTags.KEY_SUPERSEDED -> "key superseded";
            case RevocationReasonTags.KEY_COMPROMISED -> "key compromised";
            case RevocationReasonTags.KEY_RETIRED -> "key retired";
            default -> "reason code " + reason.getRevocationReason();
        };
    }

    private interface Check {
        boolean run(PGPSignature signature) throws PGPException;
    }

    private static boolean verifies(PGPSignature signature, PGPPublicKey signer, Check check) {
        try {
            signature.init(VERIFIERS, signer);
            return check.run(signature);
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }
}
