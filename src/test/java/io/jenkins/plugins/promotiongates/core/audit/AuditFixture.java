package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.event.ArtifactRef;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Keys, clock and events shared by the audit tests. */
public final class AuditFixture {

    private AuditFixture() {}

    static KeyPair keyPair(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** When the audit tests' clocks start. */
    static final Instant START = Instant.parse("2026-03-01T12:00:00.123Z");

    /** A clock the test moves by hand, at {@link #START}. */
    public static ManualClock clock() {
        return new ManualClock(START);
    }

    static RunRef run(Path base, String job, long build) throws Exception {
        Path directory = directoryOf(base, job, build);
        Files.createDirectories(directory);
        return new RunRef(job, build, "job/" + job + "/" + build + "/", directory);
    }

    static EventDraft approval(String actor, int index) {
        return EventDraft.of(EventTypes.APPROVAL_GRANTED, actor)
                .withEnvironment("production")
                .withArtifact(new ArtifactRef(
                        "dist/app.tar.gz",
                        1234 + index,
                        ArtifactDigest.ofHex(DigestAlgorithm.SHA256, Sha256.hex("artifact" + index), "test digest")))
                .withPolicyDigest(Sha256.hex("policy"))
                .withDetails(Map.of("comment", "looks good \u00e9 <b>/ \uD83D\uDE80", "index", index));
    }

    private static Path directoryOf(Path base, String job, long build) {
        return base.resolve("runs").resolve(job.replace('/', '_') + "-" + build);
    }

    /** Resolves runs made by {@link #run} under {@code base}. */
    static RunDirectories runs(Path base) {
        return (job, build) -> java.util.Optional.of(directoryOf(base, job, build));
    }

    /** Runs a command, returning its exit status; output goes to {@code output} when not null. */
    public static int exec(List<String> command, Path directory, StringBuilder output) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        if (output != null) {
            output.append(text);
        }
        return process.exitValue();
    }
}
