package io.jenkins.plugins.promotiongates.core.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ReleaseSourceTest {

    @Test
    public void eachParameterNamesItsSource() {
        ReleaseSource artifact = ReleaseSource.required("promoteArtifact", " dist/app.tar.gz ", "", null);
        assertEquals(ReleaseSource.Kind.ARTIFACT, artifact.kind());
        assertEquals(List.of("dist/app.tar.gz"), artifact.patterns());
        assertTrue(artifact.needsWorkspace());
        ReleaseSource files = ReleaseSource.required("promoteArtifact", null, "dist/*.tar.gz, dist/sbom.json", "");
        assertEquals(List.of("dist/*.tar.gz", "dist/sbom.json"), files.patterns());
        assertTrue(files.needsWorkspace());
        assertEquals("files: 'dist/*.tar.gz, dist/sbom.json'", files.toString());
        ReleaseSource archived = ReleaseSource.required("promoteArtifact", "", "", "dist/*");
        assertEquals(ReleaseSource.Kind.ARCHIVED, archived.kind());
        assertFalse("archived artifacts need no workspace", archived.needsWorkspace());
    }

    @Test
    public void moreThanOneIsRefusedNamingEveryOneGiven() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> ReleaseSource.of("promoteArtifact", "a.zip", "dist/*", "dist/*"));
        assertThat(refused.getMessage(), containsString("promoteArtifact takes the release's files from exactly one"));
        assertThat(refused.getMessage(), containsString("was given artifact: and files: and archived:"));
        assertThat(refused.getMessage(), containsString("keep one of them"));
    }

    @Test
    public void noneIsEmptyOrRefusedWhereRequired() {
        assertEquals(Optional.empty(), ReleaseSource.of("requireApprovals", "", " ", null));
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> ReleaseSource.required("promoteArtifact", null, null, null));
        assertThat(refused.getMessage(), containsString("promoteArtifact needs the release's files: give artifact:"));
        assertThat(refused.getMessage(), containsString("archived: 'dist/*'"));
    }

    @Test
    public void aMalformedPatternListIsRefusedNamingTheParameter() {
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ReleaseSource.of("promoteArtifact", "", "", "../x"))
                        .getMessage(),
                containsString("archived: the pattern '../x' has a '..' segment"));
    }
}
