package io.jenkins.plugins.promotiongates.core.policy;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one evidence setting as the administrator types it, with the very reading that saving does ({@link
 * EvidenceRequirement#of}): the value is put into an otherwise valid requirement of its kind, so the form
 * says what the save would say about that field, and nothing about the others.
 */
public final class EvidenceFields {

    /** A valid requirement of each kind, into which the field being checked is put. */
    private static final Map<EvidenceKind, Map<String, Object>> VALID = Map.of(
            EvidenceKind.TESTS, Map.of(),
            EvidenceKind.SBOM, Map.of("files", "bom.json", "allowedLicences", "MIT"),
            EvidenceKind.VULNERABILITIES, Map.of("files", "scan.sarif"),
            EvidenceKind.METRICS, Map.of("files", "metrics.json", "bounds", List.of(Map.of("name", "m", "max", "1"))),
            EvidenceKind.EXTERNAL_CHECK, Map.of("name", "check", "endpoint", "https://check.example/"));

    private EvidenceFields() {}

    /**
     * The problem saving would report for {@code setting} of {@code kind} holding {@code value}, if any.
     *
     * @param setting a setting of the kind, such as {@code allowedLicences}
     */
    public static Optional<String> problem(EvidenceKind kind, String setting, Object value) {
        Map<String, Object> settings = new LinkedHashMap<>(VALID.get(kind));
        settings.put(setting, value);
        try {
            EvidenceRequirement.of(kind, settings, kind.label());
            return Optional.empty();
        } catch (InvalidPolicyException e) {
            return Optional.of(e.problems().get(0).message());
        }
    }

    /** The problem saving would report for one accepted finding's {@code setting} holding {@code value}. */
    public static Optional<String> findingProblem(String setting, String value) {
        Map<String, Object> finding = new LinkedHashMap<>(
                Map.of("ruleId", "CVE-0000-0000", "until", "2100-01-01", "acceptedBy", "admin", "reason", "checked"));
        finding.put(setting, value);
        return problem(EvidenceKind.VULNERABILITIES, "exceptions", List.of(finding));
    }

    /** The problem saving would report for one metric bound, its name, minimum and maximum as typed. */
    public static Optional<String> boundProblem(String name, String min, String max) {
        Map<String, Object> bound = new LinkedHashMap<>();
        bound.put("name", name);
        bound.put("min", min);
        bound.put("max", max);
        return problem(EvidenceKind.METRICS, "bounds", List.of(bound));
    }
}
