package io.jenkins.plugins.promotiongates.core.evidence;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The real evidence files under {@code src/test/resources/.../core/evidence} (README.md there says which
 * tool made each, and how), as documents bound to a release the way {@link EvidenceFiles} binds them.
 */
public final class EvidenceFixtures {

    private EvidenceFixtures() {}

    /** The bytes of the fixture {@code name}. */
    public static byte[] bytes(String name) {
        try (InputStream in = EvidenceFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture {@code name} as a document. */
    public static EvidenceDocument document(String name) {
        return document(name, bytes(name));
    }

    /** {@code bytes} as a document named {@code name}. */
    public static EvidenceDocument document(String name, byte[] bytes) {
        return new EvidenceDocument(name, sha256(bytes), bytes);
    }

    /** {@code text} (UTF-8) as a document named {@code name}. */
    public static EvidenceDocument document(String name, String text) {
        return document(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static ArtifactDigest sha256(byte[] bytes) {
        return ArtifactDigest.of(
                DigestAlgorithm.SHA256,
                DigestAlgorithm.SHA256.newMessageDigest().digest(bytes));
    }

    /** A release {@code hello-service 1.4.2} of {@code files}. */
    public static Release release(ReleaseFile... files) {
        return new Release("hello-service", "1.4.2", List.of(files));
    }

    /** The context of a decision on {@code release} at {@code now}. */
    public static EvidenceContext context(Release release, String now) {
        return new EvidenceContext(release, Instant.parse(now));
    }

    /** A context whose release is one file that no check looks at. */
    public static EvidenceContext anyContext() {
        return context(release(new ReleaseFile("app.jar", sha256(new byte[] {1}), 1)), "2026-12-06T12:00:00Z");
    }
}
