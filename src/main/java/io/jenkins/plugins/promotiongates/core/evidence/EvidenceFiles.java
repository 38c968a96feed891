package io.jenkins.plugins.promotiongates.core.evidence;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.util.Optional;

/**
 * Binds evidence files to a release. An evidence file is believed only if it is one of the release's files
 * and the bytes the controller reads now hash to the digest the release recorded for it, so the evidence a
 * gate decides on is the evidence that approvals and the audit name (by the release digest).
 */
public final class EvidenceFiles {

    private final Release release;
    private final ReleaseContent content;
    private final CappedFileReader reader;

    /**
     * @param release the release being promoted
     * @param content the bytes of its files, as the controller reads them (archived artifacts or workspace)
     * @param limits the size cap applied while reading
     */
    public EvidenceFiles(Release release, ReleaseContent content, EvidenceLimits limits) {
        this.release = release;
        this.content = content;
        this.reader = new CappedFileReader(limits.maxBytes());
    }

    /**
     * Reads the release file {@code name} as evidence of {@code kind}, hashing what it reads.
     *
     * @throws EvidenceRefusedException naming the file when it is not one of the release's files, cannot be
     *     read, is over the size cap, or does not hash to the digest the release recorded
     */
    public EvidenceDocument read(EvidenceKind kind, String name) throws EvidenceRefusedException {
        Optional<ReleaseFile> file = release.file(name);
        String what = "the " + kind.file() + " '" + name + "'";
        if (file.isEmpty()) {
            throw new EvidenceRefusedException(
                    what + " is not one of the files of release " + release.application() + " " + release.version()
                            + " (" + release.fileNames() + ")",
                    "add it to the release's files, so that its digest is part of the release digest, or name"
                            + " one of the release's files");
        }
        byte[] bytes;
        try {
            bytes = reader.read(content.of(file.get()), kind.file(), name);
        } catch (IOException e) {
            throw new EvidenceRefusedException(
                    what + " could not be read: " + e.getMessage(),
                    "check that the run archived it, and that it is a " + kind.file() + " and not the artifact");
        }
        ArtifactDigest digest = ArtifactDigest.of(
                DigestAlgorithm.SHA256,
                DigestAlgorithm.SHA256.newMessageDigest().digest(bytes));
        if (!digest.matches(file.get().digest())) {
            throw new EvidenceRefusedException(
                    what + " hashes to " + digest + " now, but the release recorded "
                            + file.get().digest() + ": it changed after the release was made",
                    "promote a release made from the file as it is now, or restore the file the release names");
        }
        return new EvidenceDocument(name, digest, bytes);
    }
}
