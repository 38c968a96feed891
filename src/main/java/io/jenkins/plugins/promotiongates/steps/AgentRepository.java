package io.jenkins.plugins.promotiongates.steps;

import hudson.FilePath;
import io.jenkins.plugins.promotiongates.config.RepositoryAccess;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.Publication;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A file or Maven repository operated from the agent that holds the workspace: the engine evaluates
 * the gates on the controller and every repository read and write runs on the agent through
 * {@link RepositoryCallable}. {@link #publish} reads the workspace artifact this repository was opened
 * for, on the agent; the content the engine passes is not opened.
 *
 * <p>Placeholder until publication moves to the controller (issue 9, item 2): the engine's
 * {@code publish} now takes the bytes as an {@link ArtifactContent} stream, which this class ignores.
 */
final class AgentRepository implements ArtifactRepository {

    private final FilePath workspace;
    private final RepositoryAccess access;
    private final String artifact;

    /**
     * Opens the repository on the agent once, which also checks that a file repository's directory
     * exists there.
     *
     * @throws RepositoryException with the engine's message when it cannot be opened on the agent
     */
    AgentRepository(FilePath workspace, RepositoryAccess access, String artifact, ArtifactCoordinates coordinates)
            throws RepositoryException {
        this.workspace = workspace;
        this.access = access;
        this.artifact = artifact;
        call(RepositoryCallable.Operation.LOCATION, coordinates, "", "", null);
    }

    @Override
    public String describe() {
        return access.setting();
    }

    @Override
    public String location(ArtifactCoordinates coordinates) {
        try {
            return call(RepositoryCallable.Operation.LOCATION, coordinates, "", "", null)
                    .value();
        } catch (RepositoryException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> existingSha256(ArtifactCoordinates coordinates) throws RepositoryException {
        return Optional.ofNullable(call(RepositoryCallable.Operation.EXISTING, coordinates, "", "", null)
                .value());
    }

    @Override
    public Publication publish(
            ArtifactCoordinates coordinates, ArtifactContent content, String expectedSha256, byte[] record)
            throws RepositoryException {
        RepositoryCallable.Reply reply =
                call(RepositoryCallable.Operation.PUBLISH, coordinates, artifact, expectedSha256, record);
        return new Publication(reply.stored(), reply.value(), expectedSha256, reply.size());
    }

    private RepositoryCallable.Reply call(
            RepositoryCallable.Operation operation,
            ArtifactCoordinates coordinates,
            String artifact,
            String sha256,
            byte[] record)
            throws RepositoryException {
        try {
            return workspace.act(new RepositoryCallable(access, operation, coordinates, artifact, sha256, record));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException(
                    "The promotion was interrupted while " + access.setting()
                            + " was being written from the agent; nothing partial is visible",
                    e);
        } catch (IOException e) {
            // FilePath.act wraps what the agent threw ("remote file operation failed"): keep the engine's message.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RepositoryException refusal) {
                    throw refusal;
                }
            }
            throw new RepositoryException("The agent could not reach " + access.setting() + ": " + e.getMessage(), e);
        }
    }
}
