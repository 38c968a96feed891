package io.jenkins.plugins.promotiongates.core.signature.ssh;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A parsed armored SSHSIG signature, as {@code ssh-keygen -Y sign} writes it (OpenSSH PROTOCOL.sshsig).
 *
 * @param publicKey the signer's public key blob
 * @param namespace the namespace the signature was made for
 * @param reserved the reserved field (covered by the signature)
 * @param hashAlgorithm {@code sha256} or {@code sha512}, the hash of the message
 * @param signatureType the signature algorithm, e.g. {@code rsa-sha2-512}
 * @param signatureBlob the algorithm-specific signature bytes
 */
record SshSignature(
        byte[] publicKey,
        String namespace,
        byte[] reserved,
        String hashAlgorithm,
        String signatureType,
        byte[] signatureBlob) {

    static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    static final String END = "-----END SSH SIGNATURE-----";
    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final String REMEDY = "Use the .sig file exactly as 'ssh-keygen -Y sign' wrote it.";

    /** Whether {@code bytes} start with the SSH signature armor (leading whitespace allowed). */
    static boolean looksLike(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1).strip();
        return head.startsWith(BEGIN);
    }

    static SshSignature parse(byte[] armored) throws SignatureRejectedException {
        String text = new String(armored, StandardCharsets.ISO_8859_1).strip();
        if (!text.startsWith(BEGIN)) {
            throw new SignatureRejectedException("the signature file does not start with '" + BEGIN + "'", REMEDY);
        }
        int end = text.indexOf(END, BEGIN.length());
        if (end < 0) {
            throw new SignatureRejectedException(
                    "the signature file has no '" + END + "' line (it is truncated)", REMEDY);
        }
        byte[] blob;
        try {
            blob = Base64.getMimeDecoder()
                    .decode(text.substring(BEGIN.length(), end).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException("the armored signature is not valid base64", REMEDY);
        }
        SshWireReader reader = new SshWireReader(blob, "the SSH signature");
        byte[] magic = reader.readBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new SignatureRejectedException("the signature does not start with the SSHSIG magic", REMEDY);
        }
        int version = reader.readUint32();
        if (version != 1) {
            throw new SignatureRejectedException(
                    "the SSHSIG version is " + version + "; only version 1 is defined", REMEDY);
        }
        byte[] publicKey = reader.readString();
        String namespace = reader.readUtf8();
        byte[] reserved = reader.readString();
        String hash = reader.readUtf8();
        SshWireReader signature = new SshWireReader(reader.readString(), "the SSH signature");
        String type = signature.readUtf8();
        byte[] signatureBlob = signature.readString();
        if (!reader.atEnd()) {
            throw new SignatureRejectedException("the SSH signature has trailing bytes", REMEDY);
        }
        return new SshSignature(publicKey, namespace, reserved, hash, type, signatureBlob);
    }

    /**
     * The message digest algorithm, refusing anything but the two PROTOCOL.sshsig allows.
     */
    DigestAlgorithm digestAlgorithm() throws SignatureRejectedException {
        return switch (hashAlgorithm) {
            case "sha256" -> DigestAlgorithm.SHA256;
            case "sha512" -> DigestAlgorithm.SHA512;
            default ->
                throw new SignatureRejectedException(
                        "the signature hashes the file with '" + SshPublicKey.printable(hashAlgorithm)
                                + "'; SSHSIG allows only sha256 and sha512",
                        "Sign with 'ssh-keygen -Y sign', which uses sha512.");
        };
    }

    /** What the signature covers: MAGIC, namespace, reserved, hash algorithm and the file's hash. */
    byte[] signedData(byte[] messageHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        writeString(out, namespace.getBytes(StandardCharsets.UTF_8));
        writeString(out, reserved);
        writeString(out, hashAlgorithm.getBytes(StandardCharsets.UTF_8));
        writeString(out, messageHash);
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, byte[] value) {
        int length = value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(value);
    }
}
