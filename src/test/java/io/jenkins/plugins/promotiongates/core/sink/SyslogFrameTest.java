package io.jenkins.plugins.promotiongates.core.sink;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.audit.Checkpoint;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** The exact bytes of a syslog frame: octet count, RFC 5424 header, the message's JSON as MSG. */
public class SyslogFrameTest {

    private static final String HEAD = "0".repeat(64);
    private static final String SIGNATURE = "A".repeat(86) + "==";

    private static SyslogSettings settings(String facility) {
        return SyslogSettings.of(
                new SinkBasics("siem", 64, false), "logs", 6514, true, "", facility, "promotion-gates", "", "ci-1");
    }

    @Test
    public void anEntryIsAnOctetCountedRfc5424MessageWithTheLedgerLineAsMsg() throws Exception {
        String line = "{\"event\":{\"comment\":\"d\u00e9j\u00e0 vu\",\"time\":\"2026-03-01T12:00:00.123Z\"},"
                + "\"hash\":\"h\",\"prev\":\"p\",\"seq\":7}";
        SinkMessage entry = SinkMessage.read(line.getBytes(StandardCharsets.UTF_8), "test");
        String message = "<133>1 2026-03-01T12:00:00.123Z ci-1 promotion-gates - entry - " + line;
        byte[] expected =
                (message.getBytes(StandardCharsets.UTF_8).length + " " + message).getBytes(StandardCharsets.UTF_8);
        assertEquals(
                new String(expected, StandardCharsets.UTF_8),
                new String(SyslogFrame.encode(entry, settings("local0")), StandardCharsets.UTF_8));
        assertEquals(
                "the octet count is of UTF-8 bytes, not characters",
                message.length() + 2,
                message.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    public void aCheckpointIsItsOwnMessageTypeWithTheFacilityConfigured() {
        SinkMessage checkpoint =
                SinkMessage.checkpoint(new Checkpoint(12, HEAD, "2026-03-01T12:01:00.000Z", SIGNATURE));
        String json = "{\"checkpoint\":{\"head\":\"" + HEAD + "\",\"signature\":\"" + SIGNATURE
                + "\",\"size\":12,\"time\":\"2026-03-01T12:01:00.000Z\"}}";
        assertEquals(json, checkpoint.text());
        String message = "<109>1 2026-03-01T12:01:00.000Z ci-1 promotion-gates - checkpoint - " + json;
        assertEquals(
                message.length() + " " + message,
                new String(SyslogFrame.encode(checkpoint, settings("audit")), StandardCharsets.UTF_8));
        assertEquals(
                "<189>1",
                new String(SyslogFrame.encode(checkpoint, settings("23")), StandardCharsets.UTF_8).split(" ")[1]);
    }

    @Test
    public void aTimeThatIsNotAnRfc5424TimestampIsSentAsNil() throws Exception {
        SinkMessage entry = SinkMessage.read(
                "{\"event\":{\"time\":\"yesterday\"},\"seq\":1}".getBytes(StandardCharsets.UTF_8), "test");
        assertEquals(
                "<133>1 - ci-1 promotion-gates - entry - ",
                new String(SyslogFrame.encode(entry, settings("local0")), StandardCharsets.UTF_8)
                        .replaceFirst("^\\d+ ", "")
                        .replace("{\"event\":{\"time\":\"yesterday\"},\"seq\":1}", ""));
    }
}
