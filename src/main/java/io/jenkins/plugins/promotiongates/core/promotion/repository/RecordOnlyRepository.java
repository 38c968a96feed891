package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.util.Optional;

/**
 * An environment whose promotions copy nothing: the promotion is recorded (and shown in the
 * inventory) and the artifact stays where the deployment tooling takes it from: its content is never
 * opened, and the record is not kept here. Whether a version already holds another digest is decided
 * from the inventory, not here.
 */
public final class RecordOnlyRepository implements ArtifactRepository {

    @Override
    public String describe() {
        return "record-only:";
    }

    @Override
    public String location(ArtifactCoordinates coordinates) {
        return "record-only:" + coordinates.name() + "/" + coordinates.version();
    }

    @Override
    public Optional<ArtifactDigest> existingDigest(ArtifactCoordinates coordinates) {
        return Optional.empty();
    }

    @Override
    public Publication publish(
            ArtifactCoordinates coordinates, ArtifactContent content, ArtifactDigest approved, byte[] record) {
        return new Publication(true, location(coordinates), approved, -1);
    }
}
