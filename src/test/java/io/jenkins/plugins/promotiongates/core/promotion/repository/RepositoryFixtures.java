package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers the repository tests share. */
final class RepositoryFixtures {

    private RepositoryFixtures() {}

    /** The typed digest of a lower-case hex SHA-256 (or a malformed one refused with its message). */
    static ArtifactDigest digest(String hex) {
        return ArtifactDigest.ofHex(DigestAlgorithm.SHA256, hex, "test digest");
    }

    static String sha256(Path file) throws IOException {
        return new StreamingDigester()
                .digest(file, List.of(DigestAlgorithm.SHA256))
                .hex(DigestAlgorithm.SHA256);
    }

    /** The release file of a local file: its name, SHA-256 and size. */
    static ReleaseFile file(Path file) throws IOException {
        return new ReleaseFile(file.getFileName().toString(), digest(sha256(file)), Files.size(file));
    }

    /** A release of local files, under their names. */
    static Release release(String application, String version, Path... files) throws IOException {
        List<ReleaseFile> releaseFiles = new ArrayList<>();
        for (Path file : files) {
            releaseFiles.add(file(file));
        }
        return new Release(application, version, releaseFiles);
    }

    /** The bytes of local files, found by name in {@code directory}. */
    static ReleaseContent contentIn(Path directory) {
        return file -> ArtifactContent.of(directory.resolve(file.name()));
    }

    /** As {@link #contentIn}, counting how often a file is opened. */
    static ReleaseContent countingContentIn(Path directory, AtomicInteger opened) {
        return file -> () -> {
            opened.incrementAndGet();
            return Files.newInputStream(directory.resolve(file.name()));
        };
    }

    /** Runs a command and returns its standard output; fails the test if it exits non-zero. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
