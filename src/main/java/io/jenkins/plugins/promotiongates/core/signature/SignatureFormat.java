package io.jenkins.plugins.promotiongates.core.signature;

import java.util.List;
import java.util.Locale;

/** The detached-signature formats the engine verifies. */
public enum SignatureFormat {
    /** OpenPGP detached signature, armored or binary ({@code gpg --detach-sign}). */
    OPENPGP(List.of(".asc", ".sig", ".gpg"), List.of(".pgp")),
    /** CMS / PKCS#7 detached signature, DER or PEM ({@code openssl cms -sign -binary}). */
    CMS(List.of(".p7s"), List.of(".p7m", ".p7b", ".pem")),
    /** Raw signature bytes over the artifact with a PEM public key ({@code openssl dgst -sign}, cosign). */
    RAW(List.of(".sig"), List.of()),
    /** SSHSIG armored signature ({@code ssh-keygen -Y sign}). */
    SSH(List.of(".sig"), List.of()),
    /** minisign signature, prehashed or legacy. */
    MINISIGN(List.of(".minisig"), List.of()),
    /** signify signature ({@code signify -S}) or signed checksum list ({@code signify -C}). */
    SIGNIFY(List.of(".sig"), List.of()),
    /**
     * Checksum file in {@code sha256sum}/{@code sha512sum} or BSD format; also suggested by names such as
     * {@code SHA256SUMS}, {@code app.sha384sum} or {@code sha512}.
     */
    CHECKSUM(List.of(".sha256", ".sha512"), List.of(".sha384", ".sha256sum", ".sha384sum", ".sha512sum")) {
        @Override
        public boolean suggestedBy(String fileName) {
            String base = baseName(fileName);
            return super.suggestedBy(fileName) || base.contains("sums") || base.matches("sha(256|384|512)");
        }
    };

    private final List<String> written;
    private final List<String> alsoSuggesting;

    /**
     * @param written the suffixes its tools write beside an artifact, most usual first; a signature named
     *     after its artifact is looked for with them
     * @param alsoSuggesting further suffixes that suggest this format
     */
    SignatureFormat(List<String> written, List<String> alsoSuggesting) {
        this.written = written;
        this.alsoSuggesting = alsoSuggesting;
    }

    /** The suffixes its tools write beside an artifact ({@code app.tar.gz.asc}), most usual first. */
    public List<String> writtenSuffixes() {
        return written;
    }

    /** Whether a signature file so named may be in this format (by its suffix, case-insensitively). */
    public boolean suggestedBy(String fileName) {
        String base = baseName(fileName);
        return written.stream().anyMatch(base::endsWith)
                || alsoSuggesting.stream().anyMatch(base::endsWith);
    }

    /** Every suffix some format writes, once each, in the order the formats list them. */
    public static List<String> allWrittenSuffixes() {
        return java.util.Arrays.stream(values())
                .flatMap(format -> format.written.stream())
                .distinct()
                .toList();
    }

    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

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
