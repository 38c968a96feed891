package io.jenkins.plugins.promotiongates.core.sink;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One message as a syslog frame: an RFC 5424 message, framed by octet counting (RFC 6587 section
 * 3.4.1, as RFC 5425 requires over TLS): {@code LENGTH SP <PRI>1 TIMESTAMP HOSTNAME APP-NAME - MSGID - MSG}.
 * The severity is 5 (notice); TIMESTAMP is when the event was recorded (or the checkpoint signed), so
 * a message sent again is byte for byte the same; MSGID is {@code entry} or {@code checkpoint}; there is
 * no structured data; MSG is the message's canonical JSON, UTF-8 without a byte order mark (RFC 5424's
 * MSG-ANY), so that receivers store it as JSON that {@code jq} reads.
 */
final class SyslogFrame {

    static final int SEVERITY_NOTICE = 5;

    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z");

    private SyslogFrame() {}

    static byte[] encode(SinkMessage message, SyslogSettings settings) {
        String time = message.time();
        String header = "<" + (settings.facility() * 8 + SEVERITY_NOTICE) + ">1 "
                + (TIMESTAMP.matcher(time).matches() ? time : "-") + " " + settings.hostname() + " "
                + settings.appName() + " - " + message.kindName() + " - ";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] body = message.bytes();
        byte[] length = (head.length + body.length + " ").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(length.length + head.length + body.length);
        frame.writeBytes(length);
        frame.writeBytes(head);
        frame.writeBytes(body);
        return frame.toByteArray();
    }
}
