package io.jenkins.plugins.promotiongates.core.evidence;

import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.anyContext;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsCheck;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsSettings;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.VulnerabilityCheck;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.VulnerabilitySettings;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The evidence checks on what real tools write in this very run, not only on the committed fixtures: Debian's
 * flawfinder scans the sample C file into SARIF 2.1.0, and Debian's pytest runs the sample tests into JUnit
 * XML (both installed by {@code .ci/run}). A new tool version that changes its output is caught here.
 */
public class LiveToolEvidenceTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path source(String name) throws Exception {
        Path dir = tmp.getRoot().toPath();
        Files.write(dir.resolve(name), EvidenceFixtures.bytes("sources/" + name));
        return dir;
    }

    @Test
    public void flawfinderSarifWrittenNowFailsOnItsErrorFindings() throws Exception {
        Path dir = source("copy.c");
        ExternalTool.sh(dir, "flawfinder --sarif copy.c > scan.sarif");
        EvidenceDocument scan = EvidenceFixtures.document("scan.sarif", Files.readAllBytes(dir.resolve("scan.sarif")));

        EvidenceVerdict verdict = new VulnerabilityCheck(
                        VulnerabilitySettings.of("error", "", List.of()), EvidenceLimits.DEFAULT)
                .evaluate(List.of(scan), anyContext());

        assertFalse(verdict.line(), verdict.passed());
        assertThat(verdict.line(), containsString("FF1001 (error) at copy.c:8"));
        assertThat(verdict.line(), containsString("FF1016 (error) at copy.c:9"));
        assertThat(verdict.message(), containsString("from Flawfinder"));
    }

    @Test
    public void pytestJunitXmlWrittenNowFailsNamingTheFailingTest() throws Exception {
        Path dir = source("test_checkout.py");
        ExternalTool.sh(
                dir,
                "/usr/bin/python3 -m pytest -q -p no:cacheprovider --junitxml=report.xml test_checkout.py"
                        + " > /dev/null || test $? -eq 1");
        EvidenceDocument report =
                EvidenceFixtures.document("report.xml", Files.readAllBytes(dir.resolve("report.xml")));

        EvidenceVerdict verdict =
                new TestsCheck(new TestsSettings(1), EvidenceLimits.DEFAULT).evaluate(List.of(report), anyContext());

        assertFalse(verdict.line(), verdict.passed());
        assertEquals(1, verdict.problems().size());
        assertThat(verdict.problems().get(0), containsString("1 of 3 tests failed"));
        assertThat(verdict.problems().get(0), containsString("test_checkout.test_total_adds_prices (failure:"));
    }
}
