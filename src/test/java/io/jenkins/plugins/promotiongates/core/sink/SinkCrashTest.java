package io.jenkins.plugins.promotiongates.core.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A child JVM records events with an HTTP sink attached, against a receiver that refuses a third of the
 * batches, and is killed with SIGKILL at a random moment, again and again. Then the controller starts
 * once more: the receiver must end up with every ledger entry and checkpoint, in ledger order, each
 * message it got twice the same bytes twice.
 */
public class SinkCrashTest {

    private static final int TRIALS = 8;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void killDashNineNeverLosesAnEntryFromTheCopy() throws Exception {
        Path base = temp.getRoot().toPath();
        Random random = new Random(11);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (JsonLinesServer server = JsonLinesServer.http(0)) {
            server.answer(request -> ThreadLocalRandom.current().nextInt(3) == 0 ? 503 : 200);
            for (int trial = 0; trial < TRIALS; trial++) {
                Process child = new ProcessBuilder(
                                java,
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                SinkCrashChild.class.getName(),
                                base.toString(),
                                server.url("/"))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
                assertTrue("trial " + trial + ": the child recorded something", out.readLine() != null);
                Thread.sleep(150 + random.nextInt(350));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            server.answer(request -> 200);
            try (AuditService ledger = SinkFixture.ledger(base, 5);
                    SinkFeed feed = new SinkFeed(
                            base.resolve("sinks"), SinkFixture.FAST, SinkFixture.CLOCK, new SplittableRandom(9))) {
                feed.attach(ledger);
                feed.configure(List.of(HttpSinkTest.sink("siem", server.url("/"), null)));
                List<String> expected = SinkFixture.expected(ledger, 0);
                assertTrue("the children recorded entries: " + expected.size(), expected.size() > 50);
                SinkFixture.await(
                        "every message after the last crash",
                        () -> firstCopies(server.lines()).equals(expected));
                assertEquals(expected, firstCopies(server.lines()));
            }
        }
    }

    /**
     * The messages in ledger order, each once: a message whose place is not after the last one kept was
     * received before, and must then be the same bytes as then.
     */
    private static List<String> firstCopies(List<String> received) {
        List<String> kept = new ArrayList<>();
        Map<Long, String> seen = new HashMap<>();
        long last = -1;
        for (String line : received) {
            SinkMessage message;
            try {
                message = SinkMessage.read(line.getBytes(StandardCharsets.UTF_8), "received");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            // Entry N goes between checkpoint N (covering entries before it) and checkpoint N + 1.
            long place = message.kind() == SinkMessage.Kind.ENTRY ? 2 * message.number() + 1 : 2 * message.number();
            String before = seen.putIfAbsent(place, line);
            if (before != null) {
                assertEquals("a message received twice is the same bytes twice", before, line);
            }
            if (place > last) {
                kept.add(line);
                last = place;
            } else {
                assertTrue("a message out of order was received before: " + line, before != null);
            }
        }
        return kept;
    }
}
