package io.jenkins.plugins.promotiongates.core.sink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * An HTTP JSON-lines sink against a real HTTP server on 127.0.0.1: every entry and checkpoint arrives
 * once a line, in ledger order, with the token in its header and nowhere else.
 */
public class HttpSinkTest {

    static final String TOKEN = "s3cr3t-t0ken-1234567890";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    static SinkSettings sink(String name, String url, String token) {
        return HttpSettings.of(
                new SinkBasics(name, SinkFields.MIN_QUEUE_MEGABYTES, false),
                url,
                token == null ? null : () -> token,
                HttpSettings.DEFAULT_HEADER,
                HttpSettings.DEFAULT_SCHEME,
                "");
    }

    static SinkFeed feed(Path base, AuditService ledger) {
        SinkFeed feed =
                new SinkFeed(base.resolve("sinks"), SinkFixture.FAST, SinkFixture.CLOCK, new SplittableRandom(1));
        feed.attach(ledger);
        return feed;
    }

    /** Every file under the sinks' directory, as text. */
    static String queueFiles(Path base) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(base.resolve("sinks"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    public void everyEntryAndCheckpointArrivesInLedgerOrderAsJsonLinesWithTheToken() throws Exception {
        Path base = temp.getRoot().toPath();
        try (JsonLinesServer server = JsonLinesServer.http(0);
                AuditService ledger = SinkFixture.ledger(base, 4);
                SinkFeed feed = feed(base, ledger)) {
            feed.configure(List.of(sink("siem", server.url("/services/collector/raw"), TOKEN)));
            RunRef run = SinkFixture.run(base, "app", 1);
            SinkFixture.record(ledger, run, 0, 25);
            List<String> expected = SinkFixture.expected(ledger, 0);
            SinkFixture.await("every message", () -> server.lines().size() >= expected.size());
            assertEquals(expected, server.lines());
            for (JsonLinesServer.Request request : server.requests()) {
                assertEquals("application/x-ndjson", request.contentType());
                assertEquals("Bearer " + TOKEN, request.authorization());
                assertTrue("each line ends with a newline", request.endsWithNewline());
            }
            SinkFixture.await(
                    "the status", () -> feed.statuses().get(0).queued().equals("0"));
            SinkStatus status = feed.statuses().get(0);
            assertEquals(server.url("/services/collector/raw"), status.destination());
            assertEquals(Integer.toString(expected.size()), status.delivered());
            assertEquals("", status.lastError());
            assertFalse(status.failing());
            assertThat("the token is in no queue file", queueFiles(base), not(containsString(TOKEN)));
        }
    }

    @Test
    public void aSinkThatHangsNeverHoldsUpRecordingAndDeliversInOrderOnceItAnswers() throws Exception {
        Path base = temp.getRoot().toPath();
        try (JsonLinesServer server = JsonLinesServer.http(0);
                AuditService ledger = SinkFixture.ledger(base, 50);
                SinkFeed feed = feed(base, ledger)) {
            server.hold();
            feed.configure(List.of(sink("siem", server.url("/"), TOKEN)));
            RunRef run = SinkFixture.run(base, "app", 1);
            SinkFixture.record(ledger, run, 0, 1);
            SinkFixture.await("the first request to hang", () -> server.arrived() == 1);
            // The receiver holds the first batch and answers nothing: 200 more events are recorded meanwhile.
            SinkFixture.record(ledger, run, 1, 200);
            assertEquals(201, ledger.status().size());
            assertEquals("the sender is still on its first attempt", 1, server.arrived());
            assertEquals(
                    "nothing was delivered while the receiver hung",
                    0,
                    server.requests().size());
            long queued = Long.parseLong(feed.statuses().get(0).queued());
            assertTrue("the entries wait in the queue: " + queued, queued >= 200);
            server.release();
            List<String> expected = SinkFixture.expected(ledger, 0);
            SinkFixture.await("every message", () -> server.lines().size() >= expected.size());
            assertEquals(expected, server.lines());
        }
    }

    @Test
    public void aReceiverThatIsDownGetsEverythingInOrderWhenItComesUp() throws Exception {
        Path base = temp.getRoot().toPath();
        int port = RsyslogServer.freePort();
        try (AuditService ledger = SinkFixture.ledger(base, 5);
                SinkFeed feed = feed(base, ledger)) {
            feed.configure(List.of(sink("siem", "http://127.0.0.1:" + port + "/ingest", TOKEN)));
            RunRef run = SinkFixture.run(base, "app", 1);
            SinkFixture.record(ledger, run, 0, 30);
            String all = Integer.toString(SinkFixture.expected(ledger, 0).size());
            SinkFixture.await(
                    "every message queued and an attempt failed",
                    () -> feed.statuses().get(0).failing()
                            && feed.statuses().get(0).queued().equals(all));
            SinkStatus down = feed.statuses().get(0);
            assertThat(down.lastError(), containsString("cannot connect"));
            assertThat(down.lastError(), containsString("http://127.0.0.1:" + port + "/ingest"));
            assertThat(down.lastError(), not(containsString(TOKEN)));
            assertEquals("2026-03-01T12:00:00Z", down.lastErrorTime());
            assertFalse(down.oldestQueued().isEmpty());
            try (JsonLinesServer server = JsonLinesServer.http(port)) {
                SinkFixture.record(ledger, run, 30, 3);
                List<String> expected = SinkFixture.expected(ledger, 0);
                SinkFixture.await("every message", () -> server.lines().size() >= expected.size());
                assertEquals(expected, server.lines());
                // the server has the lines before the sender has recorded their delivery: wait for both
                SinkFixture.await(
                        "the status",
                        () -> !feed.statuses().get(0).failing()
                                && feed.statuses().get(0).oldestQueued().isEmpty());
                assertEquals("", feed.statuses().get(0).oldestQueued());
            }
        }
    }

    @Test
    public void aRestartResumesWhereDeliveryStoppedWithoutLosingAnEntry() throws Exception {
        Path base = temp.getRoot().toPath();
        int port = RsyslogServer.freePort();
        RunRef run = SinkFixture.run(base, "app", 1);
        try (AuditService ledger = SinkFixture.ledger(base, 4);
                SinkFeed feed = feed(base, ledger)) {
            feed.configure(List.of(sink("siem", "http://127.0.0.1:" + port + "/", null)));
            SinkFixture.record(ledger, run, 0, 12);
            String all = Integer.toString(SinkFixture.expected(ledger, 0).size());
            SinkFixture.await(
                    "every message queued",
                    () -> feed.statuses().get(0).queued().equals(all));
        }
        // As after a crash: the queue's last line torn, and the last entry never queued.
        Path queue = base.resolve("sinks").resolve("siem").resolve(QueueFiles.segmentName(0));
        List<String> queued = Files.readAllLines(queue, StandardCharsets.UTF_8);
        Files.writeString(queue, String.join("\n", queued.subList(0, queued.size() - 1)) + "\n{\"event\":{\"act");
        try (AuditService ledger = SinkFixture.ledger(base, 4);
                SinkFeed feed = feed(base, ledger);
                JsonLinesServer server = JsonLinesServer.http(port)) {
            feed.configure(List.of(sink("siem", server.url("/"), null)));
            SinkFixture.record(ledger, run, 12, 5);
            List<String> expected = SinkFixture.expected(ledger, 0);
            SinkFixture.await("every message", () -> server.lines().size() >= expected.size());
            assertEquals(expected, server.lines());
            assertEquals(null, server.requests().get(0).authorization());
        }
    }

    @Test
    public void aTooLargeAnswerSplitsTheBatchUntilTheReceiverTakesIt() throws Exception {
        Path base = temp.getRoot().toPath();
        try (JsonLinesServer server = JsonLinesServer.http(0);
                AuditService ledger = SinkFixture.ledger(base, 100);
                SinkFeed feed = feed(base, ledger)) {
            server.answer(request -> request.lines().size() > 3 ? 413 : 200);
            server.hold();
            feed.configure(List.of(sink("siem", server.url("/"), TOKEN)));
            SinkFixture.record(ledger, SinkFixture.run(base, "app", 1), 0, 20);
            server.release();
            List<String> expected = SinkFixture.expected(ledger, 0);
            SinkFixture.await("every message", () -> server.lines().size() >= expected.size());
            assertEquals(expected, server.lines());
        }
    }

    @Test
    public void anUnauthorizedAnswerIsExplainedWithoutTheTokenItEchoes() throws Exception {
        Path base = temp.getRoot().toPath();
        try (JsonLinesServer server = JsonLinesServer.http(0);
                AuditService ledger = SinkFixture.ledger(base, 100);
                SinkFeed feed = feed(base, ledger)) {
            server.answer(request -> 401);
            server.body(request -> "invalid token: " + request.authorization() + " (" + TOKEN + ")");
            feed.configure(List.of(sink("siem", server.url("/"), TOKEN)));
            SinkFixture.record(ledger, SinkFixture.run(base, "app", 1), 0, 1);
            SinkFixture.await("a failed attempt", () -> feed.statuses().get(0).failing());
            String error = feed.statuses().get(0).lastError();
            assertThat(error, containsString("answered HTTP 401: the receiver refused the credentials"));
            assertThat(error, containsString("It said: invalid token: Bearer (secret hidden)"));
            assertThat(error, not(containsString(TOKEN)));
        }
    }

    @Test
    public void aRedirectIsRefusedAndTheTokenNeverReachesTheOtherServer() throws Exception {
        Path base = temp.getRoot().toPath();
        try (JsonLinesServer other = JsonLinesServer.http(0);
                JsonLinesServer server = JsonLinesServer.http(0);
                AuditService ledger = SinkFixture.ledger(base, 100);
                SinkFeed feed = feed(base, ledger)) {
            server.answer(request -> 307);
            server.redirectTo(other.url("/steal"));
            feed.configure(List.of(sink("siem", server.url("/"), TOKEN)));
            SinkFixture.record(ledger, SinkFixture.run(base, "app", 1), 0, 1);
            SinkFixture.await("a failed attempt", () -> feed.statuses().get(0).failing());
            assertThat(feed.statuses().get(0).lastError(), containsString("a redirect to '" + other.url("/steal")));
            assertThat(feed.statuses().get(0).lastError(), containsString("Redirects are never followed"));
            assertEquals(List.of(), other.requests());
        }
    }

    @Test
    public void httpsDeliversToACertificateOfTheConfiguredCaAndRefusesOthers() throws Exception {
        Path base = temp.getRoot().toPath();
        TestCertificates certificates = TestCertificates.create(base.resolve("tls"), "DNS:localhost");
        try (JsonLinesServer server = JsonLinesServer.https(0, certificates);
                AuditService ledger = SinkFixture.ledger(base, 3);
                SinkFeed feed = feed(base, ledger)) {
            String local = "https://localhost:" + server.port() + "/";
            String byAddress = "https://127.0.0.1:" + server.port() + "/";
            feed.configure(List.of(
                    https("trusted", local, certificates.caPem()),
                    https("wrong-host", byAddress, certificates.caPem()),
                    https("jvm-trust", local, "")));
            SinkFixture.record(ledger, SinkFixture.run(base, "app", 1), 0, 7);
            List<String> expected = SinkFixture.expected(ledger, 0);
            SinkFixture.await("every message", () -> server.lines().size() >= expected.size());
            assertEquals(expected, server.lines());
            String count = Integer.toString(expected.size());
            SinkFixture.await(
                    "both refusals, with every message queued",
                    () -> feed.statuses().get(1).failing()
                            && feed.statuses().get(2).failing()
                            && feed.statuses().get(1).queued().equals(count)
                            // the server has the lines before the sender has recorded their delivery
                            && feed.statuses().get(0).delivered().equals(count));
            List<SinkStatus> statuses = feed.statuses();
            assertThat(statuses.get(1).lastError(), containsString("TLS failed"));
            assertThat(statuses.get(1).lastError(), containsString("issued for '127.0.0.1'"));
            assertThat(statuses.get(2).lastError(), containsString("TLS failed"));
            assertEquals(Integer.toString(expected.size()), statuses.get(0).delivered());
        }
    }

    private static SinkSettings https(String name, String url, String ca) {
        return HttpSettings.of(
                new SinkBasics(name, SinkFields.MIN_QUEUE_MEGABYTES, false),
                url,
                () -> TOKEN,
                HttpSettings.DEFAULT_HEADER,
                HttpSettings.DEFAULT_SCHEME,
                ca);
    }

    @Test
    public void aSinkAddedLaterStartsWithTheNextEntryAndOneThatIncludesTheLedgerSendsItAll() throws Exception {
        Path base = temp.getRoot().toPath();
        try (JsonLinesServer server = JsonLinesServer.http(0);
                JsonLinesServer archive = JsonLinesServer.http(0);
                AuditService ledger = SinkFixture.ledger(base, 4);
                SinkFeed feed = feed(base, ledger)) {
            RunRef run = SinkFixture.run(base, "app", 1);
            SinkFixture.record(ledger, run, 0, 10);
            feed.configure(List.of(
                    sink("siem", server.url("/"), TOKEN),
                    HttpSettings.of(
                            new SinkBasics("archive", 4, true), archive.url("/"), null, "Authorization", "", "")));
            SinkFixture.record(ledger, run, 10, 3);
            List<String> later = SinkFixture.expected(ledger, 10);
            List<String> all = SinkFixture.expected(ledger, 0);
            SinkFixture.await(
                    "every message",
                    () -> server.lines().size() >= later.size()
                            && archive.lines().size() >= all.size());
            assertEquals(later, server.lines());
            assertEquals(all, archive.lines());
            List<String> names = new ArrayList<>();
            feed.statuses().forEach(status -> names.add(status.name()));
            assertEquals(List.of("siem", "archive"), names);
        }
    }
}
