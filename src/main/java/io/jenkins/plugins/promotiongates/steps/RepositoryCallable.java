package io.jenkins.plugins.promotiongates.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.promotiongates.config.RepositoryAccess;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.Publication;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import jenkins.MasterToSlaveFileCallable;

/**
 * One repository operation, run on the agent that holds the workspace: the artifact is read there and
 * goes straight to the repository (a directory mounted on the agent, or a Maven HTTP server), never
 * through the controller. Acts on the workspace so that the artifact path stays confined to it.
 */
final class RepositoryCallable extends MasterToSlaveFileCallable<RepositoryCallable.Reply> {

    private static final long serialVersionUID = 1L;

    /** What to do. */
    enum Operation {
        LOCATION,
        EXISTING,
        PUBLISH
    }

    /** The answer: a location or a digest in {@code value}; for a publication also stored and size. */
    record Reply(String value, boolean stored, long size) implements Serializable {}

    private final RepositoryAccess access;
    private final Operation operation;
    private final String name;
    private final String version;
    private final String artifact;
    private final String sha256;
    private final byte[] record;

    RepositoryCallable(
            RepositoryAccess access,
            Operation operation,
            ArtifactCoordinates coordinates,
            String artifact,
            String sha256,
            byte[] record) {
        this.access = access;
        this.operation = operation;
        this.name = coordinates.name();
        this.version = coordinates.version();
        this.artifact = artifact;
        this.sha256 = sha256;
        this.record = record == null ? null : record.clone();
    }

    @Override
    public Reply invoke(File workspace, VirtualChannel channel) throws IOException {
        ArtifactRepository repository = access.open();
        ArtifactCoordinates coordinates = new ArtifactCoordinates(name, version);
        switch (operation) {
            case LOCATION:
                return new Reply(repository.location(coordinates), false, -1);
            case EXISTING:
                return new Reply(repository.existingSha256(coordinates).orElse(null), false, -1);
            default:
                Publication publication = repository.publish(
                        coordinates,
                        ArtifactContent.of(
                                ConfinedPath.under(workspace.toPath()).resolveFile(artifact)),
                        sha256,
                        record);
                return new Reply(publication.location(), publication.stored(), publication.size());
        }
    }
}
