package io.jenkins.plugins.promotiongates.core.evidence;

import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.bytes;
import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.sha256;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsCheck;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsSettings;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.VulnerabilityCheck;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.VulnerabilitySettings;
import io.jenkins.plugins.promotiongates.core.evidence.sbom.SbomCheck;
import io.jenkins.plugins.promotiongates.core.evidence.sbom.SbomSettings;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The whole chain as a promotion would run it: a release whose files include real evidence files, each
 * read back through {@link EvidenceFiles} (as the controller reads archived artifacts), decided, and
 * recorded as audit details that hold digests and verdicts, not content.
 */
public class EvidencePreconditionTest {

    private final Map<String, byte[]> stored = new HashMap<>();
    private final Release release;

    public EvidencePreconditionTest() {
        stored.put("hello-service-1.4.2.jar", "the jar".getBytes(StandardCharsets.UTF_8));
        stored.put("bom.json", bytes("cyclonedx-maven-1.6.json"));
        stored.put("TEST-GreetingTest.xml", bytes("surefire-failing.xml"));
        stored.put("flawfinder.sarif", bytes("flawfinder.sarif"));
        List<ReleaseFile> files = new ArrayList<>();
        stored.forEach((name, content) -> files.add(new ReleaseFile(name, sha256(content), content.length)));
        release = new Release("hello-service", "1.4.2", files);
    }

    private EvidenceRecord decide(EvidenceCheck check, String... names) {
        EvidenceFiles files =
                new EvidenceFiles(release, file -> ArtifactContent.of(stored.get(file.name())), EvidenceLimits.DEFAULT);
        return EvidencePrecondition.decide(
                check, List.of(names), files, new EvidenceContext(release, Instant.parse("2026-12-06T12:00:00Z")));
    }

    @Test
    public void eachKindIsDecidedOnTheReleasesOwnFilesAndRecordedByDigest() {
        EvidenceRecord sbom = decide(
                new SbomCheck(
                        new SbomSettings(List.of("Apache-2.0", "EPL-1.0", "BSD-3-Clause"), false, false),
                        EvidenceLimits.DEFAULT),
                "bom.json");
        assertTrue(sbom.verdict().line(), sbom.verdict().passed());
        assertEquals(Map.of("bom.json", sha256(stored.get("bom.json"))), sbom.files());

        EvidenceRecord tests =
                decide(new TestsCheck(new TestsSettings(1), EvidenceLimits.DEFAULT), "TEST-GreetingTest.xml");
        assertEquals(EvidenceVerdict.Outcome.FAILED, tests.verdict().outcome());

        EvidenceRecord scan = decide(
                new VulnerabilityCheck(VulnerabilitySettings.of("error", "", List.of()), EvidenceLimits.DEFAULT),
                "flawfinder.sarif");
        String details = new String(CanonicalJson.writeValue(scan.details()), StandardCharsets.UTF_8);
        assertThat(
                details,
                containsString("\"files\":[{\"digest\":\"" + sha256(stored.get("flawfinder.sarif"))
                        + "\",\"name\":\"flawfinder.sarif\"}]"));
        assertThat(details, containsString("\"kind\":\"vulnerabilities\""));
        assertThat(details, containsString("\"outcome\":\"failed\""));
        assertThat(details, not(containsString("\"runs\"")));
    }

    @Test
    public void filesThatCannotBeBoundFailTheEvidenceWithoutRunningTheCheck() {
        stored.put("bom.json", "{}".getBytes(StandardCharsets.UTF_8));
        EvidenceRecord record = decide(
                new SbomCheck(new SbomSettings(List.of("MIT"), false, false), EvidenceLimits.DEFAULT),
                "bom.json",
                "sbom.xml");
        assertEquals(EvidenceVerdict.Outcome.FAILED, record.verdict().outcome());
        assertEquals(
                "the SBOM could not be bound to the release", record.verdict().message());
        assertEquals(2, record.verdict().problems().size());
        assertThat(record.verdict().problems().get(0), containsString("it changed after the release was made"));
        assertThat(record.verdict().problems().get(1), containsString("'sbom.xml' is not one of the files of release"));
        assertEquals(Map.of(), record.files());
    }
}
