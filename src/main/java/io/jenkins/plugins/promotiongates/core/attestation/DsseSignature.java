package io.jenkins.plugins.promotiongates.core.attestation;

/**
 * One signature of a DSSE envelope, as the envelope's JSON holds it.
 *
 * @param keyid an unauthenticated hint naming the key (DSSE: never used for a security decision);
 *     this plugin writes {@link SslibKeyId}, empty when an envelope omits it
 * @param sig the signature, base64 (standard or URL-safe alphabet, as DSSE allows)
 */
public record DsseSignature(String keyid, String sig) {

    public DsseSignature {
        keyid = keyid == null ? "" : keyid;
        if (sig == null) {
            throw new IllegalArgumentException("A DSSE signature needs its sig value");
        }
    }

    /**
     * The signature's bytes.
     *
     * @throws IllegalArgumentException if {@link #sig} is not base64
     */
    public byte[] sigBytes() {
        return DsseEnvelope.decodeBase64(sig);
    }
}
