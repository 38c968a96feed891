package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import java.util.Map;

/**
 * An environment whose promotions copy nothing: the promotion is recorded in the ledger (and shown in
 * the inventory) and the artifact stays where the deployment tooling takes it from. It is the repository
 * that holds nothing: {@link #publish} opens no content and keeps neither the record nor the attestation,
 * which the audit keeps instead. Whether a version already holds another digest is decided
 * from the inventory, not here.
 */
public final class RecordOnlyRepository implements ArtifactRepository {

    @Override
    public String describe() {
        return "record-only:";
    }

    @Override
    public String location(Release release) {
        return "record-only:" + release.application() + "/" + release.version();
    }

    @Override
    public Map<String, ArtifactDigest> stored(Release release) {
        return Map.of();
    }

    @Override
    public Publication publish(Release release, ReleaseContent content, byte[] record, byte[] attestation) {
        return new Publication(true, location(release), release.size());
    }
}
