package io.jenkins.plugins.promotiongates.core.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import org.junit.Test;

public class ApprovalBindingTest {

    private static final String DIGEST = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    public void archivedWithAVersionBindsToTheReleaseAndNeedsNoWorkspace() {
        ApprovalBinding binding = ApprovalBinding.of("", "", "dist/*", "", " 1.4.0 ");
        assertEquals(ApprovalBinding.Kind.RELEASE, binding.kind());
        assertEquals("1.4.0", binding.version());
        assertEquals(ReleaseSource.Kind.ARCHIVED, binding.source().kind());
        assertFalse(binding.needsWorkspace());
    }

    @Test
    public void filesOrAnArtifactWithAVersionBindToTheReleaseAndNeedAWorkspace() {
        assertTrue(ApprovalBinding.of(null, "dist/*", null, null, "1.4.0").needsWorkspace());
        ApprovalBinding artifact = ApprovalBinding.of("dist/app.tar.gz", null, null, null, "1.4.0");
        assertEquals(ApprovalBinding.Kind.RELEASE, artifact.kind());
        assertTrue(artifact.needsWorkspace());
    }

    @Test
    public void anArtifactWithoutAVersionBindsToTheFileAsBefore() {
        ApprovalBinding binding = ApprovalBinding.of("target/app.jar", "", "", "", "");
        assertEquals(ApprovalBinding.Kind.FILE, binding.kind());
        assertTrue(binding.needsWorkspace());
    }

    @Test
    public void aDigestBindsAsIsAndNeedsNoWorkspace() {
        ApprovalBinding binding = ApprovalBinding.of("", "", "", " " + DIGEST + " ", "");
        assertEquals(ApprovalBinding.Kind.DIGEST, binding.kind());
        assertEquals(ArtifactDigest.parse(DIGEST, "test"), binding.digest());
        assertFalse(binding.needsWorkspace());
    }

    @Test
    public void nothingBindsToNothing() {
        ApprovalBinding binding = ApprovalBinding.of(null, null, null, null, null);
        assertEquals(ApprovalBinding.Kind.NONE, binding.kind());
        assertNull(binding.source());
        assertFalse(binding.needsWorkspace());
    }

    @Test
    public void aDigestWithFilesOrAVersionIsRefusedNamingThem() {
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ApprovalBinding.of("a", "", "d/*", DIGEST, ""))
                        .getMessage(),
                containsString("was given digest: and artifact: and archived:"));
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ApprovalBinding.of("", "", "", DIGEST, "1.0"))
                        .getMessage(),
                containsString("digest: names a release already"));
    }

    @Test
    public void aMalformedOrNonSha256DigestIsRefused() {
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ApprovalBinding.of("", "", "", "9f86d0", ""))
                        .getMessage(),
                containsString("requireApprovals digest"));
        String sha512 = "sha512:" + "ab".repeat(64);
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ApprovalBinding.of("", "", "", sha512, ""))
                        .getMessage(),
                containsString("is a sha512 digest; a release digest is sha256:"));
    }

    @Test
    public void aReleaseWithoutAVersionOrAVersionWithoutFilesIsRefused() {
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ApprovalBinding.of("", "", "dist/*", "", ""))
                        .getMessage(),
                containsString("requireApprovals archived: 'dist/*' binds the approvals to a release, and a release has"
                        + " a version: add version:"));
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ApprovalBinding.of("", "", "", "", "1.4.0"))
                        .getMessage(),
                containsString("version: '1.4.0' needs the release's files"));
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> ApprovalBinding.of("a", "b/*", "", "", "1"))
                        .getMessage(),
                containsString("requireApprovals takes the release's files from exactly one"));
    }
}
