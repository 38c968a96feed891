package io.jenkins.plugins.promotiongates.core.policy;

import java.util.Locale;

/** The weakest message digest a signature may use to enter an environment, weakest first. */
public enum SignatureHash {
    SHA1,
    SHA256,
    SHA384,
    SHA512;

    /** Lower-case name, as written in policy: {@code sha256}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a signature made with {@code used} meets this floor. */
    public boolean admits(SignatureHash used) {
        return used.compareTo(this) >= 0;
    }

    /**
     * Parses {@code sha256}, {@code SHA-256} and similar spellings.
     *
     * @throws InvalidPolicyException naming {@code field}
     */
    public static SignatureHash parse(String field, String text) {
        String normalized = text == null ? "" : text.replace("-", "").trim().toUpperCase(Locale.ROOT);
        for (SignatureHash hash : values()) {
            if (hash.name().equals(normalized)) {
                return hash;
            }
        }
        throw new InvalidPolicyException(field, "'" + text + "' is not a digest; use sha1, sha256, sha384 or sha512");
    }
}
