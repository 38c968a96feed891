package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class EvidenceRequirementTest {

    private static final String FIELD = "environments[production].evidence[sbom]";

    private static EvidenceRequirement sbom(Map<String, Object> settings) {
        return EvidenceRequirement.of(EvidenceKind.SBOM, settings, FIELD);
    }

    private static String problem(EvidenceKind kind, Map<String, Object> settings) {
        InvalidPolicyException e =
                assertThrows(InvalidPolicyException.class, () -> EvidenceRequirement.of(kind, settings, FIELD));
        assertEquals(FIELD, e.problems().get(0).field());
        return e.getMessage();
    }

    @Test
    public void blanksAndFalseAreLeftOutSoThatDefaultsAreWrittenOneWay() {
        EvidenceRequirement typed = sbom(Map.of(
                "files",
                " bom.json ",
                "allowedLicences",
                "MIT ",
                "requireSubjectDigest",
                "",
                "allowUnlicensed",
                false));
        EvidenceRequirement minimal = sbom(Map.of("files", "bom.json", "allowedLicences", "MIT"));

        assertEquals(minimal, typed);
        assertEquals(Map.of("kind", "sbom", "files", "bom.json", "allowedLicences", "MIT"), typed.tree());
        assertEquals(List.of("bom.json"), typed.files());
    }

    @Test
    public void badSettingsAreNamedWithTheirRemedy() {
        assertThat(
                problem(EvidenceKind.SBOM, Map.of("files", "bom.json", "licences", "MIT")),
                containsString(
                        "has no setting 'licences'; sbom takes [allowUnlicensed, allowedLicences, files, requireSubjectDigest]"));
        assertThat(problem(EvidenceKind.SBOM, Map.of()), containsString("sbom.files is empty"));
        assertThat(problem(EvidenceKind.SBOM, Map.of("files", "bom.json")), containsString("allowedLicences is empty"));
        assertThat(
                problem(
                        EvidenceKind.SBOM,
                        Map.of("files", "bom.json", "allowedLicences", "MIT", "allowUnlicensed", "yes")),
                containsString("write true or false"));
        assertThat(problem(EvidenceKind.TESTS, Map.of("minimumTests", "many")), containsString("write a whole number"));
        assertThat(problem(EvidenceKind.TESTS, Map.of("minimumTests", -1)), containsString("0 or more"));
        assertThat(
                problem(
                        EvidenceKind.METRICS,
                        Map.of("files", "m.json", "bounds", List.of(Map.of("name", "p95", "max", "fast")))),
                containsString("'fast' is not a number"));
        assertThat(
                problem(
                        EvidenceKind.VULNERABILITIES,
                        Map.of(
                                "files",
                                "scan.sarif",
                                "exceptions",
                                List.of(Map.of(
                                        "ruleId", "CVE-1", "until", "next year", "acceptedBy", "a", "reason", "r")))),
                containsString("'next year' is not a date"));
        assertThat(
                problem(EvidenceKind.VULNERABILITIES, Map.of("files", "scan.sarif", "failOnLevel", "fatal")),
                containsString("fatal"));
        assertThat(
                problem(EvidenceKind.EXTERNAL_CHECK, Map.of("name", "cab", "endpoint", "http://cab.example/")),
                containsString("only HTTPS"));
        assertThat(
                problem(EvidenceKind.EXTERNAL_CHECK, Map.of("endpoint", "https://cab.example/")),
                containsString("externalCheck.name is empty"));
        assertThat(
                problem(
                        EvidenceKind.EXTERNAL_CHECK,
                        Map.of("name", "cab", "endpoint", "https://cab.example/", "timeout", "1h")),
                containsString("from 1 second to 5 minutes"));
        assertThat(problem(null, Map.of()), containsString("use one of [tests, sbom"));
        assertThat(
                problem(EvidenceKind.METRICS, Map.of("files", "m.json", "bounds", "p95 < 250")),
                containsString("metrics.bounds is 'p95 < 250', not a list of entries with [name, min, max]"));
    }

    @Test
    public void theSameKindTwiceIsRefusedButExternalChecksDifferByName() {
        Environment twice = Environment.builder("production")
                .evidence(List.of(
                        sbom(Map.of("files", "a.json", "allowedLicences", "MIT")),
                        sbom(Map.of("files", "b.json", "allowedLicences", "MIT"))))
                .build();
        assertThat(
                PolicyValidator.problems(twice, "environments[production].").toString(),
                containsString("requires sbom twice"));

        EvidenceRequirement cab = EvidenceRequirement.of(
                EvidenceKind.EXTERNAL_CHECK, Map.of("name", "cab", "endpoint", "https://cab.example/"), FIELD);
        EvidenceRequirement monitor = EvidenceRequirement.of(
                EvidenceKind.EXTERNAL_CHECK, Map.of("name", "monitor", "endpoint", "https://mon.example/"), FIELD);
        Environment two = Environment.builder("production")
                .evidence(List.of(cab, monitor))
                .build();
        assertEquals(List.of(), PolicyValidator.problems(two, "environments[production]."));
    }

    @Test
    public void theEvidenceIsPartOfThePolicyDigestAndSurvivesItsJson() {
        PolicyTightener tightener = new PolicyTightener(IdNormalizer.caseInsensitive(), GroupDirectory.NONE);
        Environment plain = Environment.builder("production").build();
        EvidenceRequirement metrics = EvidenceRequirement.of(
                EvidenceKind.METRICS,
                Map.of("files", "metrics.json", "bounds", List.of(Map.of("name", "p95LatencyMs", "max", 250))),
                FIELD);
        Environment withEvidence = plain.toBuilder().evidence(List.of(metrics)).build();

        EffectivePolicy before = tightener.effective(plain, Tightening.NONE);
        EffectivePolicy after = tightener.effective(withEvidence, Tightening.NONE);

        assertThat(before.canonicalJson(), not(containsString("evidence")));
        assertNotEquals(before.digest(), after.digest());
        EffectivePolicy read = PolicyJson.read(after.canonicalJson());
        assertEquals(after.environment().evidence(), read.environment().evidence());
        assertEquals(after.digest(), read.digest());
        assertThat(
                after.canonicalJson(),
                containsString(
                        "\"evidence\":[{\"bounds\":[{\"max\":\"250\",\"name\":\"p95LatencyMs\"}],\"files\":\"metrics.json\","
                                + "\"kind\":\"metrics\"}]"));
    }

    @Test
    public void anUnknownKindInStoredJsonIsNamed() {
        InvalidPolicyException e = assertThrows(
                InvalidPolicyException.class,
                () -> EvidenceRequirement.fromTree(Map.of("kind", "coverage"), "policy.evidence"));
        assertThat(e.getMessage(), containsString("'coverage' is not a kind of evidence"));
    }

    @Test
    public void anEnvironmentWithEvidenceSurvivesJavaSerialization() throws Exception {
        Environment environment = Environment.builder("production")
                .evidence(List.of(EvidenceRequirement.of(
                        EvidenceKind.VULNERABILITIES,
                        Map.of(
                                "files",
                                "scan.sarif",
                                "exceptions",
                                List.of(Map.of(
                                        "ruleId",
                                        "CVE-1",
                                        "until",
                                        "2027-01-31",
                                        "acceptedBy",
                                        "alice",
                                        "reason",
                                        "unreachable"))),
                        FIELD)))
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(environment);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(environment, in.readObject());
        }
        assertEquals(
                Set.of("scan.sarif"), Set.copyOf(environment.evidence().get(0).files()));
    }
}
