package io.jenkins.plugins.promotiongates.core.signature.ssh;

import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;

/**
 * Maps an SSH signature type to the JDK algorithm that checks it, refusing what the algorithm
 * policy refuses, and converts ECDSA's (r, s) mpints to the DER form the JDK expects.
 *
 * @param jcaName the JDK signature algorithm
 * @param description for the verdict, e.g. {@code RSA-3072/SHA-512}
 */
record SshSignatureAlgorithm(String jcaName, String description) {

    private static final String REMEDY = "Sign with 'ssh-keygen -Y sign', which uses a SHA-2 signature algorithm.";

    /**
     * @throws SignatureRejectedException if the signature type does not fit the key or is refused
     */
    static SshSignatureAlgorithm of(String signatureType, SshPublicKey key, AlgorithmPolicy policy)
            throws SignatureRejectedException {
        String keyType = key.type();
        if (keyType.equals(SshPublicKey.ED25519) && signatureType.equals(SshPublicKey.ED25519)) {
            return new SshSignatureAlgorithm("Ed25519", "Ed25519");
        }
        String curve = SshPublicKey.curveOf(keyType);
        if (curve != null && signatureType.equals(keyType)) {
            String hash =
                    switch (curve) {
                        case "nistp256" -> "SHA256";
                        case "nistp384" -> "SHA384";
                        default -> "SHA512";
                    };
            return new SshSignatureAlgorithm(hash + "withECDSA", key.description() + "/" + hash.replace("SHA", "SHA-"));
        }
        if (keyType.equals(SshPublicKey.RSA)) {
            switch (signatureType) {
                case "rsa-sha2-256":
                    return new SshSignatureAlgorithm("SHA256withRSA", key.description() + "/SHA-256");
                case "rsa-sha2-512":
                    return new SshSignatureAlgorithm("SHA512withRSA", key.description() + "/SHA-512");
                case "ssh-rsa":
                    String refusal = policy.refuseHash("SHA-1");
                    if (refusal != null) {
                        throw new SignatureRejectedException(
                                "the signature uses ssh-rsa, that is RSA with SHA-1: " + refusal, REMEDY);
                    }
                    return new SshSignatureAlgorithm("SHA1withRSA", key.description() + "/SHA-1");
                default:
                    break;
            }
        }
        throw new SignatureRejectedException(
                "the signature type '" + SshPublicKey.printable(signatureType) + "' does not fit the " + keyType
                        + " key that signed",
                REMEDY);
    }

    /** Whether {@code signatureBlob} is a valid signature over {@code data} by {@code key}. */
    boolean verifies(SshPublicKey key, byte[] data, byte[] signatureBlob) throws SignatureRejectedException {
        byte[] signature = jcaName.endsWith("withECDSA") ? ecdsaToDer(signatureBlob) : signatureBlob;
        try {
            Signature verifier = Signature.getInstance(jcaName);
            verifier.initVerify(key.key());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + jcaName, e);
        }
    }

    private static byte[] ecdsaToDer(byte[] blob) throws SignatureRejectedException {
        SshWireReader reader = new SshWireReader(blob, "the ECDSA signature");
        BigInteger r = reader.readPositiveMpint();
        BigInteger s = reader.readPositiveMpint();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInteger(body, r);
        writeInteger(body, s);
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(0x30);
        writeLength(der, body.size());
        der.writeBytes(body.toByteArray());
        return der.toByteArray();
    }

    private static void writeInteger(ByteArrayOutputStream out, BigInteger value) {
        byte[] bytes = value.toByteArray();
        out.write(0x02);
        writeLength(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        out.write(0x80 | bytes);
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write(length >>> shift);
        }
    }
}
