package io.jenkins.plugins.promotiongates.core.sink;

import java.util.ArrayList;
import java.util.List;

/**
 * A syslog receiver: RFC 5424 messages over TCP with octet-counting framing (RFC 6587), over TLS
 * (RFC 5425) unless {@code tls} is off.
 *
 * @param host the receiver's host name or IP address
 * @param port its TCP port
 * @param tls whether to speak TLS, verifying the receiver's certificate and host name
 * @param caCertificate PEM CA certificates to trust instead of the JVM's trust store, or blank
 * @param facility the facility number (0 to 23)
 * @param appName the APP-NAME field
 * @param hostname the HOSTNAME field
 */
public record SyslogSettings(
        SinkBasics basics,
        String host,
        int port,
        boolean tls,
        String caCertificate,
        int facility,
        String appName,
        String hostname)
        implements SinkSettings {

    public static final int DEFAULT_TLS_PORT = 6514;
    public static final String DEFAULT_APP_NAME = "promotion-gates";
    public static final String DEFAULT_FACILITY = SyslogFacility.DEFAULT;

    /**
     * Validates every field at once.
     *
     * @param hostname the HOSTNAME to send, or blank for {@code localHostname}
     * @throws InvalidSinkException naming every field that cannot be used
     */
    public static SyslogSettings of(
            SinkBasics basics,
            String host,
            int port,
            boolean tls,
            String caCertificate,
            String facility,
            String appName,
            String hostname,
            String localHostname) {
        List<String> problems = new ArrayList<>();
        basics.check(problems);
        Problems.add(problems, basics.field("host"), SinkFields.host(host));
        Problems.add(problems, basics.field("port"), SinkFields.port(port));
        Problems.add(problems, basics.field("caCertificate"), SinkFields.caCertificate(caCertificate, tls));
        Problems.add(problems, basics.field("facility"), SinkFields.facility(facility));
        Problems.add(problems, basics.field("appName"), SinkFields.appName(appName));
        Problems.add(problems, basics.field("hostname"), SinkFields.hostname(hostname));
        Problems.throwIfAny(problems);
        String sent = hostname == null || hostname.isEmpty() ? localHostname : hostname;
        return new SyslogSettings(
                basics,
                host,
                port,
                tls,
                caCertificate == null ? "" : caCertificate.trim(),
                SyslogFacility.parse(facility),
                appName,
                SinkFields.hostname(sent) == null && sent != null && !sent.isEmpty() ? sent : "-");
    }

    @Override
    public Transport transport(DeliveryPolicy policy) {
        return new SyslogTransport(this, policy);
    }
}
