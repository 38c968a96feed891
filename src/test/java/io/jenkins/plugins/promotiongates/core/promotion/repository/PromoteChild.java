package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of {@link FileSystemRepositoryCrashTest}: promotes one file to a file repository,
 * printing {@code READY} before it starts writing and {@code DONE} when the publication returned.
 * Arguments: repository directory, artifact file, expected sha256.
 */
public final class PromoteChild {

    private PromoteChild() {}

    public static void main(String[] args) throws Exception {
        FileSystemRepository repository = new FileSystemRepository(Path.of(args[0]));
        ArtifactCoordinates coordinates = new ArtifactCoordinates("big.bin", "1.0.0");
        System.out.println("READY");
        System.out.flush();
        repository.publish(
                coordinates,
                ArtifactContent.of(Path.of(args[1])),
                Fixtures.digest(args[2]),
                "{}".getBytes(StandardCharsets.UTF_8));
        System.out.println("DONE");
        System.out.flush();
    }
}
