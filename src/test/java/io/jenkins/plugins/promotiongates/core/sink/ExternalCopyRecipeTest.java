package io.jenkins.plugins.promotiongates.core.sink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The auditor's recipe in docs/auditing.md ("Detect a rewrite"), run as written against a copy a real
 * sink delivered: it accepts the copy with the controller's ledger, and refuses a ledger rewritten
 * after the copy left, even one whose hashes were recomputed and checkpoints re-signed with the
 * controller's own key, which the controller's verification accepts.
 */
public class ExternalCopyRecipeTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path base;
    private Path recipe;
    private Path key;
    private Path copy;
    private List<String> delivered;

    @Before
    public void deliverACopy() throws Exception {
        base = temp.getRoot().toPath();
        recipe = base.resolve("verify-copy.sh");
        Files.writeString(recipe, docBlock("verify-copy-recipe"));
        key = base.resolve("controller.pem");
        Files.writeString(key, PublicKeys.toPem(SinkFixture.keyPair(7).getPublic()));
        try (JsonLinesServer server = JsonLinesServer.http(0);
                AuditService ledger = ledger(base);
                SinkFeed feed = new SinkFeed(
                        base.resolve("sinks"), SinkFixture.FAST, SinkFixture.CLOCK, new SplittableRandom(5))) {
            feed.attach(ledger);
            feed.configure(List.of(HttpSinkTest.sink("siem", server.url("/"), null)));
            recordHistory(ledger, base, "looks good");
            List<String> expected = SinkFixture.expected(ledger, 0);
            SinkFixture.await("every message", () -> server.lines().size() >= expected.size());
            delivered = server.lines();
            assertEquals(expected, delivered);
        }
        // At least once: the receiver holds some messages twice, as after a retry.
        List<String> stored = new ArrayList<>(delivered);
        stored.addAll(delivered.subList(3, 7));
        copy = base.resolve("copy.jsonl");
        Files.write(copy, stored, StandardCharsets.UTF_8);
    }

    /** A ledger with a fixed clock, so that the same history recorded twice is the same bytes. */
    private static AuditService ledger(Path where) throws Exception {
        return SinkFixture.ledger(where, 4, SinkFixture.CLOCK);
    }

    private static void recordHistory(AuditService ledger, Path base, String comment) throws Exception {
        RunRef first = SinkFixture.run(base, "shop", 41);
        RunRef second = SinkFixture.run(base, "shop", 42);
        for (int i = 0; i < 15; i++) {
            ledger.record(
                    i % 2 == 0 ? first : second,
                    EventDraft.of("approval.granted", i % 3 == 0 ? "alice" : "bob")
                            .withEnvironment("production")
                            .withDetails(Map.of("comment", i == 6 ? comment : "ok", "index", i)));
        }
    }

    private static String docBlock(String marker) throws Exception {
        String guide = Files.readString(
                Path.of(System.getProperty("promotiongates.sources.root", "."), "docs", "auditing.md"));
        Matcher matcher = Pattern.compile("<!-- " + marker + " -->\\s*```sh\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        assertTrue("docs/auditing.md has the " + marker + " block", matcher.find());
        return matcher.group(1);
    }

    /** Runs the recipe; checks its exit status and returns what it printed. */
    private String recipe(Path copyFile, Path ledgerDirectory, int expectedStatus) throws Exception {
        Process process = new ProcessBuilder(
                        "bash", recipe.toString(), copyFile.toString(), ledgerDirectory.toString(), key.toString())
                .directory(base.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(output, expectedStatus, process.exitValue());
        return output;
    }

    private Path copyOfLedger(String name) throws Exception {
        Path target = Files.createDirectories(base.resolve(name));
        try (Stream<Path> files = Files.list(base.resolve("ledger"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    @Test
    public void aCopyDeliveredBySinkIsConsistentWithTheLedgerEvenWithMessagesReceivedTwice() throws Exception {
        assertThat(
                recipe(copy, base.resolve("ledger"), 0),
                containsString("consistent: entries 0 to 14 of " + copy + " (15 entries, 3 signed checkpoints)"));
    }

    @Test
    public void aLedgerRewrittenWithValidHashesAndResignedCheckpointsIsCaught() throws Exception {
        Path rewritten = base.resolve("rewritten");
        try (AuditService forged = ledger(rewritten)) {
            recordHistory(forged, rewritten, "looks bad");
            assertTrue(
                    "the controller's own verification accepts the rewrite",
                    forged.verifyLedger().verified());
        }
        assertThat(
                recipe(copy, rewritten.resolve("ledger"), 1),
                containsString("NOT CONSISTENT: entry 6 differs from the controller ledger: rewritten after it was"
                        + " sent"));
    }

    @Test
    public void aLedgerCutShortIsCaught() throws Exception {
        Path cut = copyOfLedger("cut");
        List<Path> segments;
        try (Stream<Path> files = Files.list(cut)) {
            segments = files.filter(f -> f.getFileName().toString().startsWith("ledger-"))
                    .sorted()
                    .toList();
        }
        Path last = segments.get(segments.size() - 1);
        List<String> lines = Files.readAllLines(last, StandardCharsets.UTF_8);
        Files.write(last, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        assertThat(
                recipe(copy, cut, 1),
                containsString("NOT CONSISTENT: entry 14 is missing from the controller ledger: removed after it"
                        + " was sent"));
    }

    @Test
    public void aDamagedOrForgedCopyIsRefusedNamingWhat() throws Exception {
        Path damaged = base.resolve("damaged.jsonl");
        Files.writeString(damaged, String.join("\n", delivered).replace("\"index\":9", "\"index\":8") + "\n");
        assertThat(
                recipe(damaged, base.resolve("ledger"), 1),
                containsString("NOT CONSISTENT: the copy is damaged: entry 9 does not match its hash"));

        Path forged = base.resolve("forged.jsonl");
        String checkpoint = delivered.stream()
                .filter(line -> line.startsWith("{\"checkpoint\":"))
                .findFirst()
                .orElseThrow();
        String other =
                checkpoint.replaceFirst("\"signature\":\"[^\"]+\"", "\"signature\":\"" + "A".repeat(86) + "==\"");
        Files.writeString(forged, String.join("\n", delivered).replace(checkpoint, other) + "\n");
        assertThat(
                recipe(forged, base.resolve("ledger"), 1),
                containsString("NOT CONSISTENT: checkpoint 4 is not signed by " + key));

        Path twice = base.resolve("twice.jsonl");
        String entry = delivered.get(2);
        Files.writeString(
                twice,
                String.join("\n", delivered) + "\n" + entry.replace("\"actor\":\"bob\"", "\"actor\":\"eve\"") + "\n");
        assertThat(recipe(twice, base.resolve("ledger"), 1), containsString("the copy holds two different entries 2"));

        Path garbage = base.resolve("garbage.jsonl");
        Files.writeString(garbage, delivered.get(0) + "\nnot json\n");
        assertThat(recipe(garbage, base.resolve("ledger"), 1), containsString("is not JSON lines"));
    }

    @Test
    public void rsyslogsFileIsACopyTheRecipeAccepts() throws Exception {
        Path syslog = base.resolve("syslog");
        int port = RsyslogServer.freePort();
        try (RsyslogServer rsyslog = RsyslogServer.start(syslog.resolve("rsyslog"), port, null);
                AuditService ledger = SinkFixture.ledger(syslog, 4);
                SinkFeed feed = new SinkFeed(
                        syslog.resolve("sinks"), SinkFixture.FAST, SinkFixture.CLOCK, new SplittableRandom(6))) {
            feed.attach(ledger);
            feed.configure(List.of(SyslogSettings.of(
                    new SinkBasics("siem", 4, false), "127.0.0.1", port, false, "", "local0", "pg", "", "ci")));
            SinkFixture.record(ledger, SinkFixture.run(syslog, "app", 1), 0, 9);
            List<String> expected = SinkFixture.expected(ledger, 0);
            SinkFixture.await("rsyslog's copy", () -> {
                try {
                    return rsyslog.messages().size() >= expected.size();
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(
                    recipe(rsyslog.messagesFile(), syslog.resolve("ledger"), 0),
                    containsString("consistent: entries 0 to 8"));
        }
    }
}
