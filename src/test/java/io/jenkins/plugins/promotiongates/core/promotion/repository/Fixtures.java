package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Helpers the repository tests share. */
final class Fixtures {

    private Fixtures() {}

    /** The typed digest of a lower-case hex SHA-256 (or a malformed one refused with its message). */
    static ArtifactDigest digest(String hex) {
        return ArtifactDigest.ofHex(DigestAlgorithm.SHA256, hex, "test digest");
    }

    static String sha256(Path file) throws IOException {
        return new StreamingDigester()
                .digest(file, List.of(DigestAlgorithm.SHA256))
                .hex(DigestAlgorithm.SHA256);
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
