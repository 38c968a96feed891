package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A child JVM appends in a loop and is killed with SIGKILL at a random moment; the ledger must then
 * open with at most a torn tail, hold every acknowledged entry, and verify.
 */
public class LedgerCrashTest {

    private static final int TRIALS = 50;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void killDashNineNeverLosesAnAcknowledgedEntryNorBreaksTheChain() throws Exception {
        Path base = temp.getRoot().toPath();
        Random random = new Random(42);
        Set<Long> acknowledged = Collections.synchronizedSet(new TreeSet<>());
        String javaBinary =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int trial = 0; trial < TRIALS; trial++) {
            Process child = new ProcessBuilder(
                            javaBinary,
                            "-XX:TieredStopAtLevel=1",
                            "-Xshare:auto",
                            "-cp",
                            System.getProperty("java.class.path"),
                            LedgerCrashChild.class.getName(),
                            base.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            String first = reader.readLine();
            assertTrue("child acknowledged something", first != null);
            acknowledged.add(Long.parseLong(first));
            Thread drain = new Thread(() -> {
                try {
                    for (String line; (line = reader.readLine()) != null; ) {
                        acknowledged.add(Long.parseLong(line));
                    }
                } catch (Exception e) {
                    // The pipe closes when the child dies.
                }
            });
            drain.start();
            Thread.sleep(100 + random.nextInt(200));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            drain.join(10_000);
            try (AuditService reopened = AuditService.open(
                    base.resolve("ledger"),
                    AuditFixture.keyPair(1),
                    new LedgerOptions(16 << 10, 7, Duration.ofSeconds(60)),
                    java.time.Clock.systemUTC(),
                    AuditFixture.runs(base))) {
                LedgerStatus status = reopened.status();
                assertTrue("trial " + trial + ": " + status.problems(), status.appendable());
                assertTrue("at most a torn tail per file", status.tornTails().size() <= 2);
                long max = ((TreeSet<Long>) new TreeSet<>(acknowledged)).last();
                assertTrue(
                        "trial " + trial + ": acknowledged entry " + max + " missing from " + status.size(),
                        max < status.size());
                LedgerVerification verification = reopened.verifyLedger();
                assertTrue("trial " + trial + ": " + verification.problem(), verification.verified());
            }
        }
        try (Stream<Path> runs = Files.list(base.resolve("runs"))) {
            for (Path directory : (Iterable<Path>) runs::iterator) {
                String name = directory.getFileName().toString();
                long build = Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
                RunChain chain = RunChain.read(new RunRef("crash", build, "", directory));
                assertTrue(
                        name + ": " + chain.problem(),
                        chain.intact() || chain.problem().get().contains("incomplete line"));
            }
        }
        assertEquals(acknowledged.size(), new TreeSet<>(acknowledged).size());
    }
}
