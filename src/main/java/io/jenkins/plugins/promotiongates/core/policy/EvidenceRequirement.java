package io.jenkins.plugins.promotiongates.core.policy;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceCheck;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckSettings;
import io.jenkins.plugins.promotiongates.core.evidence.external.PollSchedule;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsCheck;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsSettings;
import io.jenkins.plugins.promotiongates.core.evidence.metrics.MetricBound;
import io.jenkins.plugins.promotiongates.core.evidence.metrics.MetricsCheck;
import io.jenkins.plugins.promotiongates.core.evidence.metrics.MetricsSettings;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.AcceptedFinding;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.VulnerabilityCheck;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.VulnerabilitySettings;
import io.jenkins.plugins.promotiongates.core.evidence.sbom.SbomCheck;
import io.jenkins.plugins.promotiongates.core.evidence.sbom.SbomSettings;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * One kind of evidence an environment requires, kept as the administrator wrote it: the kind and its
 * settings (strings, numbers, booleans, and lists of such maps for exceptions and bounds), the same in
 * Manage Jenkins, Configuration as Code and the policy's canonical JSON, so the policy digest covers them.
 * {@link #of} checks the settings at once, naming each bad one; the typed checks are built from the same
 * settings when a promotion is decided.
 *
 * <p>Settings by kind ({@code files} is a comma-separated list of release file names):
 *
 * <ul>
 *   <li>{@code tests}: {@code files} (JUnit XML; empty: the run's recorded test results), {@code
 *       minimumTests} (default 1);
 *   <li>{@code sbom}: {@code files}, {@code allowedLicences}, {@code allowUnlicensed}, {@code
 *       requireSubjectDigest};
 *   <li>{@code vulnerabilities}: {@code files}, {@code failOnLevel} (default {@code error}), {@code
 *       failOnSecuritySeverity}, {@code exceptions} ({@code ruleId, location, fingerprint, until, acceptedBy,
 *       reason});
 *   <li>{@code metrics}: {@code files}, {@code bounds} ({@code name, min, max});
 *   <li>{@code externalCheck}: {@code name}, {@code endpoint}, {@code credentialsId}, {@code timeout} (default
 *       10s), {@code giveUpAfter} (default 2h).
 * </ul>
 */
public final class EvidenceRequirement implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The fewest tests that must have run when {@code minimumTests} is not set. */
    public static final int DEFAULT_MINIMUM_TESTS = 1;

    private static final Map<EvidenceKind, Set<String>> KEYS = Map.of(
            EvidenceKind.TESTS, Set.of("files", "minimumTests"),
            EvidenceKind.SBOM, Set.of("files", "allowedLicences", "allowUnlicensed", "requireSubjectDigest"),
            EvidenceKind.VULNERABILITIES, Set.of("files", "failOnLevel", "failOnSecuritySeverity", "exceptions"),
            EvidenceKind.METRICS, Set.of("files", "bounds"),
            EvidenceKind.EXTERNAL_CHECK, Set.of("name", "endpoint", "credentialsId", "timeout", "giveUpAfter"));
    private static final List<String> EXCEPTION_KEYS =
            List.of("ruleId", "location", "fingerprint", "until", "acceptedBy", "reason");
    private static final List<String> BOUND_KEYS = List.of("name", "min", "max");

    private final EvidenceKind kind;
    private final TreeMap<String, Object> settings;

    private EvidenceRequirement(EvidenceKind kind, TreeMap<String, Object> settings) {
        this.kind = kind;
        this.settings = settings;
    }

    /**
     * Reads and checks one requirement. Blank strings and {@code false} are left out, so that a setting at
     * its default is written the same way however it was entered.
     *
     * @param field how the requirement is named in errors, such as {@code environments[production].evidence[sbom]}
     * @throws InvalidPolicyException naming the field and the setting that is unknown or malformed
     */
    public static EvidenceRequirement of(EvidenceKind kind, Map<String, ?> settings, String field) {
        if (kind == null) {
            throw new InvalidPolicyException(field, "names no kind of evidence; use one of " + labels());
        }
        TreeMap<String, Object> kept = new TreeMap<>();
        for (Map.Entry<String, ?> setting : (settings == null ? Map.<String, Object>of() : settings).entrySet()) {
            if (!KEYS.get(kind).contains(setting.getKey())) {
                throw new InvalidPolicyException(
                        field,
                        "has no setting '" + setting.getKey() + "'; " + kind.label() + " takes "
                                + new java.util.TreeSet<>(KEYS.get(kind)));
            }
            Object value = normalized(setting.getValue(), field + "." + setting.getKey());
            if (value != null) {
                kept.put(setting.getKey(), value);
            }
        }
        EvidenceRequirement requirement = new EvidenceRequirement(kind, kept);
        try {
            requirement.validate();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidPolicyException(field, e.getMessage());
        }
        return requirement;
    }

    /** Reads a requirement from its {@link #tree()}. */
    public static EvidenceRequirement fromTree(Map<String, ?> tree, String field) {
        Map<String, Object> settings = new LinkedHashMap<>(tree);
        Object label = settings.remove("kind");
        EvidenceKind kind = Arrays.stream(EvidenceKind.values())
                .filter(k -> k.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new InvalidPolicyException(
                        field + ".kind", "'" + label + "' is not a kind of evidence; use one of " + labels()));
        return of(kind, settings, field);
    }

    public EvidenceKind kind() {
        return kind;
    }

    /** The settings as written, without blanks; unmodifiable. */
    public Map<String, Object> settings() {
        return Collections.unmodifiableMap(settings);
    }

    /** The requirement as plain values for canonical JSON: {@code kind} and each setting. */
    public Map<String, Object> tree() {
        Map<String, Object> tree = new TreeMap<>(settings);
        tree.put("kind", kind.label());
        return tree;
    }

    /** The release files named as this evidence, in order; empty for an external check. */
    public List<String> files() {
        return NameList.parse(text("files"));
    }

    /** Whether this is a tests requirement satisfied by the run's recorded test results, not files. */
    public boolean usesRunTestResults() {
        return kind == EvidenceKind.TESTS && files().isEmpty();
    }

    /** How this requirement is named in results: the kind, and for an external check its name. */
    public String label() {
        return kind == EvidenceKind.EXTERNAL_CHECK ? kind.label() + "[" + text("name") + "]" : kind.label();
    }

    /** The tests settings; only for {@code tests}. */
    public TestsSettings testsSettings() {
        requireKind(EvidenceKind.TESTS);
        return new TestsSettings(settings.containsKey("minimumTests") ? number("minimumTests") : DEFAULT_MINIMUM_TESTS);
    }

    /** The check of this requirement's files; not for an external check. */
    public EvidenceCheck check(EvidenceLimits limits) {
        return switch (kind) {
            case TESTS -> new TestsCheck(testsSettings(), limits);
            case SBOM ->
                new SbomCheck(
                        new SbomSettings(
                                NameList.parse(text("allowedLicences")),
                                flag("allowUnlicensed"),
                                flag("requireSubjectDigest")),
                        limits);
            case VULNERABILITIES ->
                new VulnerabilityCheck(
                        VulnerabilitySettings.of(
                                settings.containsKey("failOnLevel") ? text("failOnLevel") : "error",
                                text("failOnSecuritySeverity"),
                                exceptions()),
                        limits);
            case METRICS -> new MetricsCheck(new MetricsSettings(bounds()), limits);
            case EXTERNAL_CHECK -> throw new IllegalStateException("an external check reads no files");
        };
    }

    /** The external check's settings; only for {@code externalCheck}. */
    public ExternalCheckSettings externalCheck() {
        requireKind(EvidenceKind.EXTERNAL_CHECK);
        return ExternalCheckSettings.of(
                text("endpoint"),
                text("credentialsId"),
                duration("timeout", "10s"),
                PollSchedule.DEFAULT,
                duration("giveUpAfter", "2h"));
    }

    private void validate() {
        if (kind == EvidenceKind.EXTERNAL_CHECK) {
            if (text("name").isBlank()) {
                throw new IllegalArgumentException(
                        "externalCheck.name is empty; name the check as its results should show it, such as change-approval");
            }
            externalCheck();
            return;
        }
        if (!usesRunTestResults() && files().isEmpty()) {
            throw new IllegalArgumentException(kind.label() + ".files is empty; name the release file(s) that hold the "
                    + kind.file() + ", such as " + example());
        }
        check(EvidenceLimits.DEFAULT);
    }

    private String example() {
        return switch (kind) {
            case SBOM -> "bom.json";
            case VULNERABILITIES -> "scan.sarif";
            case METRICS -> "metrics.json";
            default -> "TEST-results.xml";
        };
    }

    private List<AcceptedFinding> exceptions() {
        List<AcceptedFinding> findings = new ArrayList<>();
        for (Map<String, Object> entry : entries("exceptions", EXCEPTION_KEYS)) {
            String until = string(entry.get("until"));
            LocalDate day;
            try {
                day = until.isBlank() ? null : LocalDate.parse(until.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("vulnerabilities.exceptions: until '" + until
                        + "' is not a date; write the last day it holds as 2027-03-31");
            }
            findings.add(new AcceptedFinding(
                    string(entry.get("ruleId")),
                    string(entry.get("location")),
                    string(entry.get("fingerprint")),
                    day,
                    string(entry.get("acceptedBy")),
                    string(entry.get("reason"))));
        }
        return findings;
    }

    private List<MetricBound> bounds() {
        List<MetricBound> bounds = new ArrayList<>();
        for (Map<String, Object> entry : entries("bounds", BOUND_KEYS)) {
            String name = string(entry.get("name"));
            bounds.add(new MetricBound(name, bound(entry.get("min"), name), bound(entry.get("max"), name)));
        }
        return bounds;
    }

    private static OptionalDouble bound(Object value, String name) {
        String text = string(value).strip();
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "metrics.bounds['" + name + "']: '" + text + "' is not a number; write it as 250 or 0.25");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String key, List<String> allowed) {
        List<Map<String, Object>> entries = new ArrayList<>();
        Object value = settings.getOrDefault(key, List.of());
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(
                    kind.label() + "." + key + " is '" + value + "', not a list of entries with " + allowed);
        }
        for (Object item : (List<Object>) value) {
            if (!(item instanceof Map)) {
                throw new IllegalArgumentException(
                        kind.label() + "." + key + " holds " + item + ", which is not an entry with " + allowed);
            }
            Map<String, Object> entry = (Map<String, Object>) item;
            for (String name : entry.keySet()) {
                if (!allowed.contains(name)) {
                    throw new IllegalArgumentException(
                            kind.label() + "." + key + " has no setting '" + name + "'; an entry takes " + allowed);
                }
            }
            entries.add(entry);
        }
        return entries;
    }

    private Duration duration(String key, String fallback) {
        String text = text(key);
        return DurationText.parse(kind.label() + "." + key, text.isBlank() ? fallback : text);
    }

    private String text(String key) {
        return string(settings.get(key));
    }

    private boolean flag(String key) {
        Object value = settings.get(key);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String text = value.toString().strip();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(kind.label() + "." + key + " is '" + text + "'; write true or false");
    }

    private int number(String key) {
        Object value = settings.get(key);
        try {
            return value instanceof Number n
                    ? Math.toIntExact(n.longValue())
                    : Integer.parseInt(value.toString().strip());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    kind.label() + "." + key + " is '" + value + "'; write a whole number, such as 1");
        }
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    private void requireKind(EvidenceKind expected) {
        if (kind != expected) {
            throw new IllegalStateException(label() + " is not " + expected.label());
        }
    }

    /**
     * Strings (blank left out), booleans ({@code false} left out), whole numbers, and lists of maps of
     * strings (empty lists left out); anything else is refused.
     */
    private static Object normalized(Object value, String field) {
        if (value == null || value instanceof Boolean b && !b) {
            return null;
        }
        if (value instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new InvalidPolicyException(field, "holds " + item + ", which is not an entry of settings");
                }
                TreeMap<String, Object> entry = new TreeMap<>();
                map.forEach((k, v) -> {
                    Object kept = v == null ? null : v instanceof Number ? v.toString() : normalized(v, field);
                    if (kept != null) {
                        entry.put(String.valueOf(k), kept);
                    }
                });
                items.add(Collections.unmodifiableMap(entry));
            }
            return items.isEmpty() ? null : List.copyOf(items);
        }
        throw new InvalidPolicyException(field, "holds " + value + ", which is neither text, a number nor true/false");
    }

    private static List<String> labels() {
        return Arrays.stream(EvidenceKind.values()).map(EvidenceKind::label).toList();
    }

    /** In plain words, for pages: {@code sbom from bom.json: allowedLicences=MIT, Apache-2.0}. */
    @Override
    public String toString() {
        return label() + " " + settings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvidenceRequirement that && kind == that.kind && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, settings);
    }
}
