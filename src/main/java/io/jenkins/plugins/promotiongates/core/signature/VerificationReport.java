package io.jenkins.plugins.promotiongates.core.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link Verification} is shown: the step's return value, its console line, and the choices
 * of the {@code format} parameter. Key material never appears; only fingerprints.
 */
public final class VerificationReport {

    /** Values of the step's and the command line's {@code format} parameter. */
    public static final List<String> FORMAT_CHOICES;

    static {
        List<String> choices = new ArrayList<>();
        choices.add("auto");
        for (SignatureFormat format : SignatureFormat.values()) {
            choices.add(format.label());
        }
        FORMAT_CHOICES = Collections.unmodifiableList(choices);
    }

    private VerificationReport() {}

    /**
     * The map {@code verifySignature} returns: verified, format, algorithm, digest (sha256:HEX),
     * size, keyFingerprint, trustedKey (the name of the trusted key that verified it), signer, warnings.
     */
    public static Map<String, Object> asMap(Verification verification) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verified", verification.verified());
        map.put("format", verification.format().label());
        map.put("algorithm", verification.algorithm());
        map.put(
                "digest",
                verification.artifactDigest() == null
                        ? ""
                        : verification.artifactDigest().toString());
        map.put("size", verification.artifactSize());
        map.put("keyFingerprint", verification.keyFingerprint());
        map.put("trustedKey", verification.trustedKey());
        map.put("signer", verification.signerIdentity());
        map.put("warnings", List.copyOf(verification.warnings()));
        return map;
    }

    /** One line for the build log. */
    public static String consoleLine(Verification verification) {
        if (!verification.verified()) {
            return "[Promotion Gates] Signature NOT verified ("
                    + verification.format().label() + "): " + verification.failure();
        }
        StringBuilder line = new StringBuilder("[Promotion Gates] Signature verified: ")
                .append(verification.format().label())
                .append(", ")
                .append(verification.algorithm())
                .append(", ")
                .append(verification.artifactDigest());
        if (!verification.keyFingerprint().isEmpty()) {
            line.append(", key ").append(verification.keyFingerprint());
        }
        if (!verification.trustedKey().isEmpty()) {
            line.append(", trusted key ").append(verification.trustedKey());
        }
        if (!verification.signerIdentity().isEmpty()) {
            line.append(", signer ").append(verification.signerIdentity());
        }
        for (String warning : verification.warnings()) {
            line.append(System.lineSeparator())
                    .append("[Promotion Gates] Warning: ")
                    .append(warning);
        }
        return line.toString();
    }
}
