package io.jenkins.plugins.promotiongates.core.sink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Each sink field is checked on its own, and a sink is refused naming every field, the reason and the remedy. */
public class SinkSettingsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void eachFieldNamesTheValueTheReasonAndTheRemedy() {
        assertNull(SinkFields.name("siem-1.eu_west"));
        assertThat(SinkFields.name("SIEM"), containsString("'SIEM' is not a sink name. Use 1 to 64 lower-case"));
        assertThat(SinkFields.name("../x"), containsString("starting with a letter or digit"));
        assertThat(SinkFields.maxQueueMegabytes(1), startsWith("1 MiB is out of range. Give 4 to 65536 MiB"));
        assertThat(SinkFields.host("tls://logs:6514"), containsString("without a scheme, port or path"));
        assertNull(SinkFields.host("logs.example.com"));
        assertNull(SinkFields.host("192.0.2.10"));
        assertNull(SinkFields.host("[2001:db8::1]"));
        assertThat(SinkFields.port(0), containsString("6514 is syslog over TLS"));
        assertThat(
                SinkFields.facility("local9"), containsString("'local9' is not a syslog facility. Give one of kern"));
        assertNull(SinkFields.facility("AUTHPRIV"));
        assertThat(SinkFields.appName("x".repeat(49)), containsString("Give 1 to 48 printable ASCII"));
        assertThat(SinkFields.hostname("my host"), containsString("without spaces"));
        assertNull(SinkFields.hostname(""));
        assertThat(
                SinkFields.caCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", true),
                containsString("the certificate cannot be read"));
        assertThat(SinkFields.caCertificate("hello", true), containsString("no PEM certificate"));
        assertThat(SinkFields.caCertificate("hello", false), containsString("the connection is not encrypted"));
        assertThat(SinkFields.url("ftp://logs/x"), containsString("not an absolute http:// or https:// URL"));
        assertThat(SinkFields.url("https://user:pw@logs/x"), containsString("Secret text credential"));
        assertThat(SinkFields.url("https://logs/x#y"), containsString("a fragment ('#y')"));
        assertThat(SinkFields.url("https://logs/a b"), containsString("is not a URL"));
        assertThat(SinkFields.headerName("X-Key:"), containsString("not an HTTP header name"));
        assertThat(SinkFields.authScheme("Bearer token"), containsString("'Splunk' (for a Splunk HTTP Event"));
        assertNull(SinkFields.authScheme(""));
    }

    @Test
    public void aTokenIsNeverSentInClearTextExceptToThisMachine() {
        assertThat(SinkFields.tokenTransport("http://logs.example.com/x", true), containsString("in clear text"));
        assertThat(SinkFields.tokenTransport("http://127.evil.example/x", true), containsString("in clear text"));
        assertNull(SinkFields.tokenTransport("http://127.0.0.1:9880/x", true));
        assertNull(SinkFields.tokenTransport("http://localhost/x", true));
        assertNull(SinkFields.tokenTransport("http://[::1]:8080/x", true));
        assertNull(SinkFields.tokenTransport("https://logs.example.com/x", true));
        assertNull(SinkFields.tokenTransport("http://logs.example.com/x", false));
    }

    @Test
    public void aSinkIsRefusedNamingEveryFieldThatCannotBeUsed() {
        InvalidSinkException syslog = assertThrows(
                InvalidSinkException.class,
                () -> SyslogSettings.of(
                        new SinkBasics("siem", 2, false), "", 70_000, false, "x", "local9", "", "a b", "ci"));
        assertEquals(
                List.of(
                        "sinks[siem].maxQueueMegabytes",
                        "sinks[siem].host",
                        "sinks[siem].port",
                        "sinks[siem].caCertificate",
                        "sinks[siem].facility",
                        "sinks[siem].appName",
                        "sinks[siem].hostname"),
                syslog.problems().stream()
                        .map(p -> p.substring(0, p.indexOf(':')))
                        .toList());
        InvalidSinkException http = assertThrows(
                InvalidSinkException.class,
                () -> HttpSettings.of(
                        new SinkBasics("Bad", 64, false), "http://logs.example.com/in", () -> "t", "X:", "a b", "pem"));
        assertEquals(
                List.of(
                        "sinks[Bad].name",
                        "sinks[Bad].credentialsId",
                        "sinks[Bad].headerName",
                        "sinks[Bad].authScheme",
                        "sinks[Bad].caCertificate"),
                http.problems().stream()
                        .map(p -> p.substring(0, p.indexOf(':')))
                        .toList());
    }

    @Test
    public void theSyslogHostnameDefaultsToTheControllersAndTheFacilityIsANumber() {
        SyslogSettings settings = SyslogSettings.of(
                new SinkBasics("siem", 64, false), "logs", 514, false, "", "local7", "jenkins", "", "ci.example");
        assertEquals("ci.example", settings.hostname());
        assertEquals(23, settings.facility());
        SyslogSettings unknown =
                SyslogSettings.of(new SinkBasics("siem", 64, false), "logs", 514, false, "", "2", "jenkins", "", "");
        assertEquals("-", unknown.hostname());
    }

    @Test
    public void twoSinksWithOneNameAreRefusedAndNothingChanges() throws Exception {
        Path base = temp.getRoot().toPath();
        try (var ledger = SinkFixture.ledger(base, 10);
                SinkFeed feed = new SinkFeed(
                        base.resolve("sinks"), SinkFixture.FAST, SinkFixture.CLOCK, new SplittableRandom())) {
            feed.attach(ledger);
            SinkSettings one = HttpSinkTest.sink("siem", "http://127.0.0.1:9/", null);
            feed.configure(List.of(one));
            InvalidSinkException e = assertThrows(InvalidSinkException.class, () -> feed.configure(List.of(one, one)));
            assertThat(e.getMessage(), containsString("sinks[siem].name: another sink has this name"));
            assertEquals(1, feed.statuses().size());
        }
    }
}
