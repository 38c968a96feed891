package io.jenkins.plugins.promotiongates.core.signature.ssh;

import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.Ed25519;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An OpenSSH public key: its wire blob (compared byte for byte with the key in a signature), its
 * type and the JDK key it stands for. Ed25519, ECDSA (nistp256/384/521) and RSA are supported;
 * DSA, security-key ({@code sk-}) keys and certificates are refused with a reason.
 *
 * @param type the key type, e.g. {@code ssh-ed25519}
 * @param blob the wire encoding
 * @param key the JDK public key
 * @param description algorithm and size for the verdict, e.g. {@code RSA-3072}, {@code ECDSA-P256}
 */
record SshPublicKey(String type, byte[] blob, PublicKey key, String description) {

    static final String ED25519 = "ssh-ed25519";
    static final String RSA = "ssh-rsa";
    private static final java.util.regex.Pattern KEY_TYPE = java.util.regex.Pattern.compile(
            "(sk-)?(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521))(-cert-v01)?(@openssh\\.com)?");

    SshPublicKey {
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** Whether {@code type} names an SSH public key type (supported or not). */
    static boolean isKeyType(String type) {
        return KEY_TYPE.matcher(type).matches();
    }

    /** The curve of an ECDSA key type, e.g. {@code nistp256}, or {@code null}. */
    static String curveOf(String type) {
        return type.startsWith("ecdsa-sha2-") ? type.substring("ecdsa-sha2-".length()) : null;
    }

    /** The fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:} and unpadded base64. */
    String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    boolean sameKeyAs(byte[] otherBlob) {
        return Arrays.equals(blob, otherBlob);
    }

    /**
     * @param where where the blob came from, for messages: {@code the signature}, {@code trusted key 'x' line 3}
     * @throws SignatureRejectedException for malformed, unsupported or policy-refused keys
     */
    static SshPublicKey parse(byte[] blob, String where, AlgorithmPolicy policy) throws SignatureRejectedException {
        SshWireReader reader = new SshWireReader(blob, "the public key in " + where);
        String type = reader.readUtf8();
        if (type.contains("-cert-v01@openssh.com")) {
            throw new SignatureRejectedException(
                    "the key in " + where + " is an OpenSSH certificate (" + type + "), which is not supported",
                    "Sign with a plain key and list it in the allowed_signers file.");
        }
        if (type.startsWith("sk-")) {
            throw new SignatureRejectedException(
                    "the key in " + where + " is a FIDO security key (" + type + "), which is not supported",
                    "Sign with an Ed25519, ECDSA or RSA key.");
        }
        SshPublicKey key =
                switch (type) {
                    case ED25519 ->
                        new SshPublicKey(type, blob, Ed25519.fromRaw(reader.readString(), where), "Ed25519");
                    case RSA -> rsa(reader, blob, where, policy);
                    case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" ->
                        ecdsa(type, reader, blob, where);
                    case "ssh-dss" ->
                        throw new SignatureRejectedException(
                                "the key in " + where + " is DSA (ssh-dss): "
                                        + (policy.refuseDsa() != null
                                                ? policy.refuseDsa()
                                                : "DSA is not supported for SSH signatures"),
                                "Sign with an Ed25519, ECDSA or RSA key ('ssh-keygen -t ed25519').");
                    default ->
                        throw new SignatureRejectedException(
                                "the key in " + where + " has the unknown type '" + printable(type) + "'",
                                "Sign with an Ed25519, ECDSA or RSA key.");
                };
        if (!reader.atEnd()) {
            throw new SignatureRejectedException(
                    "the public key in " + where + " has trailing bytes",
                    "Use the key exactly as ssh-keygen wrote it.");
        }
        return key;
    }

    private static SshPublicKey rsa(SshWireReader reader, byte[] blob, String where, AlgorithmPolicy policy)
            throws SignatureRejectedException {
        BigInteger exponent = reader.readPositiveMpint();
        BigInteger modulus = reader.readPositiveMpint();
        String refusal = policy.refuseRsa(modulus.bitLength());
        if (refusal != null) {
            throw new SignatureRejectedException(
                    "the key in " + where + " is too weak: " + refusal,
                    "Sign with a stronger key ('ssh-keygen -t ed25519').");
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            return new SshPublicKey(RSA, blob, key, "RSA-" + modulus.bitLength());
        } catch (GeneralSecurityException e) {
            throw invalid(where);
        }
    }

    private static SshPublicKey ecdsa(String type, SshWireReader reader, byte[] blob, String where)
            throws SignatureRejectedException {
        String curve = curveOf(type);
        if (!curve.equals(reader.readUtf8())) {
            throw invalid(where);
        }
        byte[] point = reader.readString();
        int size =
                switch (curve) {
                    case "nistp256" -> 32;
                    case "nistp384" -> 48;
                    default -> 66;
                };
        if (point.length != 1 + 2 * size || point[0] != 4) {
            throw new SignatureRejectedException(
                    "the ECDSA key in " + where + " is not an uncompressed point of " + curve,
                    "Use the key exactly as ssh-keygen wrote it.");
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp" + curve.substring("nistp".length()) + "r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            ECPoint w = new ECPoint(
                    new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
                    new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
            return new SshPublicKey(type, blob, key, "ECDSA-P" + curve.substring("nistp".length()));
        } catch (GeneralSecurityException e) {
            throw invalid(where);
        }
    }

    private static SignatureRejectedException invalid(String where) {
        return new SignatureRejectedException(
                "the public key in " + where + " is not a valid key", "Use the key exactly as ssh-keygen wrote it.");
    }

    static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
