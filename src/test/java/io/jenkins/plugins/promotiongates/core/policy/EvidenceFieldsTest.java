package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import java.util.Optional;
import org.junit.Test;

/** The form's check of each evidence field says what saving would say about it, and nothing about the others. */
public class EvidenceFieldsTest {

    @Test
    public void aGoodValueIsQuietAndABadOneGetsTheSavesMessage() {
        assertEquals(Optional.empty(), EvidenceFields.problem(EvidenceKind.SBOM, "allowedLicences", "MIT, Apache-2.0"));
        assertThat(
                EvidenceFields.problem(EvidenceKind.SBOM, "allowedLicences", "").orElseThrow(),
                containsString("sbom.allowedLicences is empty"));
        assertEquals(Optional.empty(), EvidenceFields.problem(EvidenceKind.TESTS, "files", ""));
        assertThat(
                EvidenceFields.problem(EvidenceKind.SBOM, "files", "").orElseThrow(),
                containsString("sbom.files is empty"));
        assertThat(
                EvidenceFields.problem(EvidenceKind.TESTS, "minimumTests", "-2").orElseThrow(),
                containsString("0 or more"));
        assertThat(
                EvidenceFields.problem(EvidenceKind.VULNERABILITIES, "failOnLevel", "fatal")
                        .orElseThrow(),
                containsString("fatal"));
        assertThat(
                EvidenceFields.problem(EvidenceKind.EXTERNAL_CHECK, "endpoint", "http://cab.example/")
                        .orElseThrow(),
                containsString("only HTTPS"));
        assertThat(
                EvidenceFields.problem(EvidenceKind.EXTERNAL_CHECK, "timeout", "10 minutes")
                        .orElseThrow(),
                containsString("externalCheck.timeout"));
    }

    @Test
    public void findingsAndBoundsAreCheckedOneFieldAtATime() {
        assertEquals(Optional.empty(), EvidenceFields.findingProblem("until", "2027-03-31"));
        assertThat(EvidenceFields.findingProblem("until", "soon").orElseThrow(), containsString("is not a date"));
        assertThat(EvidenceFields.findingProblem("reason", "").orElseThrow(), containsString("reason"));
        assertEquals(Optional.empty(), EvidenceFields.boundProblem("p95LatencyMs", "", "250"));
        assertThat(
                EvidenceFields.boundProblem("p95LatencyMs", "300", "250").orElseThrow(), containsString("swap them"));
        assertThat(
                EvidenceFields.boundProblem("p95LatencyMs", "", "fast").orElseThrow(), containsString("not a number"));
        assertThat(EvidenceFields.boundProblem("", "", "1").orElseThrow(), containsString("no metric name"));
    }
}
