package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A run's event is in the ledger but its copy to the run file is held up (the thread stalls); other
 * runs keep recording; the controller is killed. Opening the ledger must still complete the run
 * file, so that the run's next event continues its chain instead of forking it (the ledger once held
 * two events numbered 1 for the run: "event 2 carries number 1"). The stall is made deterministic
 * with a named pipe as the run file: opening it for writing blocks until someone reads it.
 */
public class RunCopyCrashTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aRunFileCopyHeldUpAtACrashIsCompletedAndTheRunsChainDoesNotFork() throws Exception {
        Path base = temp.getRoot().toPath();
        RunRef blocked = AuditFixture.run(base, "copy", 1);
        Path pipe = blocked.directory().resolve(RunFile.NAME);
        assertEquals(0, AuditFixture.exec(List.of("mkfifo", pipe.toString()), null, null));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunCopyCrashChild.class.getName(),
                        base.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BlockingQueue<String> said = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    said.add(line);
                }
            } catch (Exception e) {
                // The pipe closes when the child dies.
            }
        });
        reader.start();
        try {
            assertEquals("the blocked run's event reached the ledger", "ledger", said.poll(60, TimeUnit.SECONDS));
            // Without the fix the other run's events are recorded at once; with it they wait for the copy.
            said.poll(1500, TimeUnit.MILLISECONDS);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join(10_000);
        }
        Files.delete(pipe);
        try (AuditService reopened = AuditService.open(
                base.resolve("ledger"),
                AuditFixture.keyPair(1),
                RunCopyCrashChild.options(),
                Clock.systemUTC(),
                AuditFixture.runs(base))) {
            assertTrue(
                    reopened.status().problems().toString(), reopened.status().appendable());
            RecordedEvent next = reopened.record(blocked, AuditFixture.approval("alice", 1));
            LedgerVerification verification = reopened.verifyLedger();
            assertTrue(String.valueOf(verification.problem()), verification.verified());
            assertEquals(
                    "the run's chain continues after its first event",
                    2,
                    next.event().seq());
            RunChain chain = reopened.runChain(blocked);
            assertTrue(String.valueOf(chain.problem()), chain.intact());
            assertEquals(2, chain.events().size());
        }
    }
}
