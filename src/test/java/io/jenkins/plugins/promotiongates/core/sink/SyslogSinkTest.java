package io.jenkins.plugins.promotiongates.core.sink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A syslog sink against a real rsyslog on 127.0.0.1 (imtcp, octet-counted frames), over plain TCP and
 * over TLS with a CA and server certificate made by openssl: rsyslog stores each entry and checkpoint,
 * in ledger order, byte for byte as the ledger holds it.
 */
public class SyslogSinkTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static SinkSettings syslog(String name, String host, int port, boolean tls, String ca) {
        return SyslogSettings.of(
                new SinkBasics(name, SinkFields.MIN_QUEUE_MEGABYTES, false),
                host,
                port,
                tls,
                ca,
                "local3",
                SyslogSettings.DEFAULT_APP_NAME,
                "",
                "jenkins.example.test");
    }

    private static SinkFeed feed(Path base, AuditService ledger) {
        SinkFeed feed =
                new SinkFeed(base.resolve("sinks"), SinkFixture.FAST, SinkFixture.CLOCK, new SplittableRandom(3));
        feed.attach(ledger);
        return feed;
    }

    private static void awaitMessages(RsyslogServer rsyslog, List<String> expected) throws Exception {
        SinkFixture.await("rsyslog to store " + expected.size() + " messages", () -> {
            try {
                return rsyslog.messages().size() >= expected.size();
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(expected, rsyslog.messages());
    }

    @Test
    public void rsyslogStoresEveryEntryAndCheckpointInOrderOverPlainTcp() throws Exception {
        Path base = temp.getRoot().toPath();
        int port = RsyslogServer.freePort();
        try (RsyslogServer rsyslog = RsyslogServer.start(base.resolve("rsyslog"), port, null);
                AuditService ledger = SinkFixture.ledger(base, 4);
                SinkFeed feed = feed(base, ledger)) {
            feed.configure(List.of(syslog("siem", "127.0.0.1", port, false, "")));
            RunRef run = SinkFixture.run(base, "app", 1);
            SinkFixture.record(ledger, run, 0, 12);
            List<String> expected = SinkFixture.expected(ledger, 0);
            awaitMessages(rsyslog, expected);
            List<String> headers = rsyslog.headers();
            assertEquals(
                    "local3 5 jenkins.example.test promotion-gates - entry ",
                    headers.get(0).substring(0, headers.get(0).lastIndexOf(' ') + 1));
            assertTrue(headers.get(0), headers.get(0).endsWith(" " + timeOf(expected.get(0))));
            assertTrue(headers.get(4), headers.get(4).contains(" checkpoint "));
            SinkFixture.await(
                    "the status", () -> feed.statuses().get(0).queued().equals("0"));
            assertEquals(
                    "syslog+tcp://127.0.0.1:" + port, feed.statuses().get(0).destination());
        }
    }

    /** The time the event was recorded, which is the message's TIMESTAMP. */
    private static String timeOf(String line) {
        return line.replaceAll(".*\"time\":\"([^\"]+)\".*", "$1");
    }

    @Test
    public void rsyslogStoresEveryMessageOverTlsWithTheConfiguredCa() throws Exception {
        Path base = temp.getRoot().toPath();
        int port = RsyslogServer.freePort();
        TestCertificates certificates = TestCertificates.create(base.resolve("tls"), "DNS:localhost");
        try (RsyslogServer rsyslog = RsyslogServer.start(base.resolve("rsyslog"), port, certificates);
                AuditService ledger = SinkFixture.ledger(base, 3);
                SinkFeed feed = feed(base, ledger)) {
            feed.configure(List.of(syslog("siem", "localhost", port, true, certificates.caPem())));
            SinkFixture.record(ledger, SinkFixture.run(base, "app", 1), 0, 8);
            awaitMessages(rsyslog, SinkFixture.expected(ledger, 0));
            assertEquals(
                    "syslog+tls://localhost:" + port, feed.statuses().get(0).destination());
        }
    }

    @Test
    public void tlsRefusesACertificateForAnotherHostOrFromAnUntrustedCaAndSendsNothing() throws Exception {
        Path base = temp.getRoot().toPath();
        int port = RsyslogServer.freePort();
        TestCertificates certificates = TestCertificates.create(base.resolve("tls"), "DNS:localhost");
        TestCertificates other = TestCertificates.create(base.resolve("other"), "DNS:localhost");
        try (RsyslogServer rsyslog = RsyslogServer.start(base.resolve("rsyslog"), port, certificates);
                AuditService ledger = SinkFixture.ledger(base, 3);
                SinkFeed feed = feed(base, ledger)) {
            feed.configure(List.of(
                    syslog("by-address", "127.0.0.1", port, true, certificates.caPem()),
                    syslog("other-ca", "localhost", port, true, other.caPem()),
                    syslog("jvm-trust", "localhost", port, true, "")));
            SinkFixture.record(ledger, SinkFixture.run(base, "app", 1), 0, 2);
            SinkFixture.await("three refusals", () -> feed.statuses().stream().allMatch(SinkStatus::failing));
            for (SinkStatus status : feed.statuses()) {
                assertThat(status.name(), status.lastError(), containsString("TLS handshake refused"));
            }
            assertThat(feed.statuses().get(0).lastError(), containsString("issued for '127.0.0.1'"));
            assertEquals(List.of(), rsyslog.messages());
        }
    }

    @Test
    public void aReceiverThatIsDownGetsEverythingInOrderWhenItStarts() throws Exception {
        Path base = temp.getRoot().toPath();
        int port = RsyslogServer.freePort();
        try (AuditService ledger = SinkFixture.ledger(base, 4);
                SinkFeed feed = feed(base, ledger)) {
            feed.configure(List.of(syslog("siem", "127.0.0.1", port, false, "")));
            RunRef run = SinkFixture.run(base, "app", 1);
            SinkFixture.record(ledger, run, 0, 20);
            SinkFixture.await(
                    "a refused connection", () -> feed.statuses().get(0).failing());
            assertThat(feed.statuses().get(0).lastError(), containsString("cannot connect"));
            try (RsyslogServer rsyslog = RsyslogServer.start(base.resolve("rsyslog"), port, null)) {
                SinkFixture.record(ledger, run, 20, 2);
                awaitMessages(rsyslog, SinkFixture.expected(ledger, 0));
            }
        }
    }
}
