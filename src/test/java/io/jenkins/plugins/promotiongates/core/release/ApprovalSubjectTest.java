package io.jenkins.plugins.promotiongates.core.release;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ApprovalSubjectTest {

    private static final ArtifactDigest A = ArtifactDigest.parse("sha256:" + "a".repeat(64), "test");
    private static final ArtifactDigest B = ArtifactDigest.parse("sha256:" + "b".repeat(64), "test");
    private static final Release RELEASE = new Release(
            "shop", "1.4.0", List.of(new ReleaseFile("web.tar.gz", A, 7), new ReleaseFile("sbom.json", B, 2)));

    @Test
    public void aReleaseIsShownWithItsApplicationVersionAndFiles() {
        ApprovalSubject subject = ApprovalSubject.of(RELEASE);
        assertEquals(RELEASE.digest(), subject.digest());
        assertEquals(
                "shop 1.4.0 (2 files: sbom.json, web.tar.gz), release digest " + RELEASE.digest(), subject.describe());
    }

    @Test
    public void aFileIsShownAsAFileDigest() {
        ApprovalSubject subject = ApprovalSubject.ofFile("shop", new ReleaseFile("app.jar", A, 7));
        assertEquals(A, subject.digest());
        assertEquals("shop (app.jar), file digest " + A, subject.describe());
    }

    @Test
    public void aDigestIsShownAsTheReleaseItStandsForWhenKnown() {
        ApprovalSubject known = ApprovalSubject.ofDigest(RELEASE.digest(), Optional.of(RELEASE));
        assertEquals(RELEASE.files(), known.files());
        assertEquals("1.4.0", known.version());
        ApprovalSubject unknown = ApprovalSubject.ofDigest(A, Optional.of(RELEASE));
        assertEquals(List.of(), unknown.files());
        assertEquals("", unknown.application());
        assertEquals(
                "release digest " + A + " (not promoted on this controller yet: its files are not known here)",
                unknown.describe());
    }

    @Test
    public void itsJsonReadsBackTheSame() {
        for (ApprovalSubject subject : List.of(
                ApprovalSubject.of(RELEASE),
                ApprovalSubject.ofFile("shop", new ReleaseFile("app.jar", A, 7)),
                ApprovalSubject.ofDigest(A, Optional.empty()))) {
            assertEquals(subject, ApprovalSubject.fromJson(subject.toJson()));
        }
        assertEquals(
                "{\"application\":\"shop\",\"digest\":\"" + A + "\",\"files\":[{\"digest\":\"" + A
                        + "\",\"name\":\"app.jar\",\"size\":7}],\"kind\":\"FILE\",\"version\":\"\"}",
                ApprovalSubject.ofFile("shop", new ReleaseFile("app.jar", A, 7)).toJson());
    }

    @Test
    public void malformedJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ApprovalSubject.fromJson("not json"));
        assertThrows(IllegalArgumentException.class, () -> ApprovalSubject.fromJson("{\"kind\":\"NONE\"}"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ApprovalSubject.fromJson("{\"kind\":\"FILE\",\"digest\":\"sha256:00\",\"files\":[]}"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ApprovalSubject(ApprovalBinding.Kind.NONE, A, "", "", List.of()));
    }
}
