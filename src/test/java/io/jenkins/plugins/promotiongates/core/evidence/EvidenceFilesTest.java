package io.jenkins.plugins.promotiongates.core.evidence;

import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.sha256;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Evidence files are believed only as files of the release, with the bytes the release recorded. */
public class EvidenceFilesTest {

    private static final byte[] BOM = "{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JAR = {1, 2, 3};

    private final Release release = new Release(
            "hello-service",
            "1.4.2",
            List.of(new ReleaseFile("app.jar", sha256(JAR), 3), new ReleaseFile("bom.json", sha256(BOM), BOM.length)));

    private static EvidenceFiles files(Release release, Map<String, byte[]> now, int maxBytes) {
        return new EvidenceFiles(
                release, file -> ArtifactContent.of(now.get(file.name())), new EvidenceLimits(maxBytes, 64));
    }

    @Test
    public void aReleaseFileWithItsRecordedBytesIsRead() throws Exception {
        EvidenceDocument document =
                files(release, Map.of("bom.json", BOM), 1024).read(EvidenceKind.SBOM, "bom.json");
        assertEquals("bom.json", document.name());
        assertEquals(sha256(BOM), document.digest());
        assertArrayEquals(BOM, document.bytes());
    }

    @Test
    public void aFileOutsideTheReleaseIsRefused() {
        EvidenceRefusedException e = assertThrows(
                EvidenceRefusedException.class,
                () -> files(release, Map.of(), 1024).read(EvidenceKind.VULNERABILITIES, "scan.sarif"));
        assertEquals(
                "the SARIF file 'scan.sarif' is not one of the files of release hello-service 1.4.2 (app.jar,"
                        + " bom.json)",
                e.getMessage());
        assertThat(e.remedy(), containsString("add it to the release's files"));
    }

    @Test
    public void aFileThatChangedSinceTheReleaseWasMadeIsRefused() {
        byte[] changed = "{\"bomFormat\":\"CycloneDX\"} ".getBytes(StandardCharsets.UTF_8);
        EvidenceRefusedException e = assertThrows(
                EvidenceRefusedException.class,
                () -> files(release, Map.of("bom.json", changed), 1024).read(EvidenceKind.SBOM, "bom.json"));
        assertEquals(
                "the SBOM 'bom.json' hashes to " + sha256(changed) + " now, but the release recorded " + sha256(BOM)
                        + ": it changed after the release was made",
                e.getMessage());
    }

    @Test
    public void aHugeFileIsRefusedAtTheCap() {
        EvidenceRefusedException e = assertThrows(
                EvidenceRefusedException.class,
                () -> files(release, Map.of("bom.json", BOM), 10).read(EvidenceKind.SBOM, "bom.json"));
        assertThat(e.getMessage(), containsString("the SBOM 'bom.json' could not be read"));
        assertThat(e.getMessage(), containsString("is larger than 10 bytes"));
        EvidenceVerdict verdict = EvidenceVerdict.refused(EvidenceKind.SBOM, e);
        assertEquals(EvidenceVerdict.Outcome.FAILED, verdict.outcome());
        assertThat(verdict.line(), containsString("[FAIL] sbom: the SBOM 'bom.json' could not be read"));
    }
}
