package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link FileSystemRepositoryCrashTest}: publishes the {@linkplain #release releases}
 * {@code <prefix>.0}, {@code <prefix>.1}... of the application {@value #APPLICATION} to a file repository,
 * one after the other, until it is killed; prints {@code READY} before the first and {@code PUBLISHED
 * <version>} after each. Arguments: repository directory, directory of the base files, version prefix.
 */
public final class PromoteChild {

    static final String APPLICATION = "crash/app";

    /** The files every release has, in the base directory; each version's bytes are these plus a suffix. */
    static final List<String> FILES = List.of("app.jar", "app.tar.gz", "notes.txt");

    private PromoteChild() {}

    public static void main(String[] args) throws Exception {
        FileSystemRepository repository = new FileSystemRepository(Path.of(args[0]));
        Path base = Path.of(args[1]);
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; ; i++) {
            String version = args[2] + "." + i;
            repository.publish(release(base, version), content(base, version), record(version));
            System.out.println("PUBLISHED " + version);
            System.out.flush();
        }
    }

    /** The release {@code version}: every base file with the version appended, so each version has new bytes. */
    static Release release(Path base, String version) throws IOException {
        List<ReleaseFile> files = new ArrayList<>();
        for (String name : FILES) {
            ArtifactContent bytes = bytes(base, name, version);
            var digests = new StreamingDigester().digest(bytes, List.of(DigestAlgorithm.SHA256));
            files.add(new ReleaseFile(name, digests.digest(DigestAlgorithm.SHA256), digests.size()));
        }
        return new Release(APPLICATION, version, files);
    }

    static ReleaseContent content(Path base, String version) {
        return file -> bytes(base, file.name(), version);
    }

    static byte[] record(String version) {
        return ("{\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static ArtifactContent bytes(Path base, String name, String version) {
        return () -> new SequenceInputStream(
                Files.newInputStream(base.resolve(name)),
                new ByteArrayInputStream(("\n" + version + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
