package io.jenkins.plugins.promotiongates.core.signature;

import java.util.Locale;

/** The detached-signature formats the engine verifies. */
public enum SignatureFormat {
    /** OpenPGP detached signature, armored or binary ({@code gpg --detach-sign}). */
    OPENPGP,
    /** CMS / PKCS#7 detached signature, DER or PEM ({@code openssl cms -sign -binary}). */
    CMS,
    /** Raw signature bytes over the artifact with a PEM public key ({@code openssl dgst -sign}, cosign). */
    RAW,
    /** SSHSIG armored signature ({@code ssh-keygen -Y sign}). */
    SSH,
    /** minisign signature, prehashed or legacy. */
    MINISIGN,
    /** signify signature ({@code signify -S}) or signed checksum list ({@code signify -C}). */
    SIGNIFY,
    /** Checksum file in {@code sha256sum}/{@code sha512sum} or BSD format. */
    CHECKSUM;

    /** The lower-case name used in step parameters and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a step or command-line value; {@code auto} is handled by the caller.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static SignatureFormat parse(String value) {
        for (SignatureFormat format : values()) {
            if (format.label().equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown signature format '" + value
                + "'. Use auto, openpgp, cms, raw, ssh, minisign, signify or checksum.");
    }
}
