package io.jenkins.plugins.promotiongates.core.sink;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for each field of a sink, one method a field: each returns {@code null} when the value
 * can be used, or the reason and the remedy. The configuration page checks fields one by one with
 * them; {@link SyslogSettings} and {@link HttpSettings} apply all of them when settings are saved.
 */
public final class SinkFields {

    /** Smallest and largest queue bound, in MiB. */
    public static final int MIN_QUEUE_MEGABYTES = 4;

    public static final int MAX_QUEUE_MEGABYTES = 65_536;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[?[0-9A-Fa-f:.]+]?");
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private SinkFields() {}

    public static String name(String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            return "'" + value + "' is not a sink name. Use 1 to 64 lower-case letters, digits, '.', '-' or '_',"
                    + " starting with a letter or digit (it names the sink's queue directory), for example 'siem'.";
        }
        return null;
    }

    public static String maxQueueMegabytes(int value) {
        if (value < MIN_QUEUE_MEGABYTES || value > MAX_QUEUE_MEGABYTES) {
            return value + " MiB is out of range. Give " + MIN_QUEUE_MEGABYTES + " to " + MAX_QUEUE_MEGABYTES
                    + " MiB: the most the sink's queue keeps on disk while the receiver is down (the rest waits in"
                    + " the ledger).";
        }
        return null;
    }

    /** {@link #maxQueueMegabytes(int)} of a number typed in a form. */
    public static String maxQueueMegabytes(String value) {
        Integer number = number(value);
        return number == null
                ? "'" + value + "' is not a whole number of MiB. Give " + MIN_QUEUE_MEGABYTES + " to "
                        + MAX_QUEUE_MEGABYTES + ", for example " + SinkBasics.DEFAULT_QUEUE_MEGABYTES + "."
                : maxQueueMegabytes(number);
    }

    /** {@link #port(int)} of a number typed in a form. */
    public static String port(String value) {
        Integer number = number(value);
        return number == null ? "'" + value + "' is not a TCP port. Give 1 to 65535." : port(number);
    }

    private static Integer number(String value) {
        try {
            return Integer.valueOf(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String host(String value) {
        if (value == null || value.isBlank()) {
            return "no host. Give the receiver's host name or IP address, for example 'logs.example.com'.";
        }
        if (!HOST.matcher(value).matches()) {
            return "'" + value + "' is not a host name or IP address. Give the host alone, without a scheme, port"
                    + " or path, for example 'logs.example.com' or '192.0.2.10'.";
        }
        return null;
    }

    public static String port(int value) {
        if (value < 1 || value > 65_535) {
            return value + " is not a TCP port. Give 1 to 65535: 6514 is syslog over TLS (RFC 5425), 514 or 601"
                    + " plain TCP.";
        }
        return null;
    }

    public static String facility(String value) {
        try {
            SyslogFacility.parse(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public static String appName(String value) {
        return printable(value, 48, "APP-NAME", "promotion-gates");
    }

    /** The HOSTNAME field; blank means the controller's own host name. */
    public static String hostname(String value) {
        return value == null || value.isEmpty() ? null : printable(value, 255, "HOSTNAME", "jenkins.example.com");
    }

    public static String caCertificate(String value, boolean encrypted) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!encrypted) {
            return "a CA certificate is set but the connection is not encrypted. Turn TLS on (use https:// for HTTP),"
                    + " or remove the certificate.";
        }
        try {
            TlsTrust.certificates(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public static String url(String value) {
        if (value == null || value.isBlank()) {
            return "no URL. Give the receiver's HTTP endpoint, for example"
                    + " 'https://splunk.example.com:8088/services/collector/raw'.";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "'" + value + "' is not a URL (" + e.getReason() + "). Give an absolute http:// or https:// URL.";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return "'" + value + "' is not an absolute http:// or https:// URL with a host. Give one, for example"
                    + " 'https://logs.example.com/ingest'.";
        }
        if (uri.getRawUserInfo() != null) {
            return "the URL carries a user name or password. Remove it from the URL and store the secret as a"
                    + " Secret text credential, chosen in credentialsId: URLs are shown on pages and in logs.";
        }
        if (uri.getRawFragment() != null) {
            return "the URL has a fragment ('#" + uri.getRawFragment() + "'), which is never sent. Remove it.";
        }
        return null;
    }

    /** A token over plain HTTP would cross the network readable: only to this machine itself. */
    public static String tokenTransport(String url, boolean hasCredential) {
        if (!hasCredential || url(url) != null) {
            return null;
        }
        URI uri = URI.create(url);
        if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
            return "a credential would be sent in clear text over http:// to " + uri.getHost() + ". Use https://, or"
                    + " send to a forwarder on this machine (http://127.0.0.1/...).";
        }
        return null;
    }

    public static String headerName(String value) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            return "'" + value + "' is not an HTTP header name. Give a name such as 'Authorization' or"
                    + " 'X-API-Key' (letters, digits and - only, no spaces or colon).";
        }
        return null;
    }

    /** The word before the secret in the header value ({@code Bearer}, {@code Splunk}), or blank for the secret alone. */
    public static String authScheme(String value) {
        if (value == null || value.isEmpty() || TOKEN.matcher(value).matches()) {
            return null;
        }
        return "'" + value + "' is not an authentication scheme. Give one word such as 'Bearer' (the default) or"
                + " 'Splunk' (for a Splunk HTTP Event Collector), or leave it empty to send the secret alone.";
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || LOOPBACK_V4.matcher(bare).matches() || bare.equals("::1");
    }

    private static String printable(String value, int max, String field, String example) {
        if (value == null
                || value.isEmpty()
                || value.length() > max
                || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            return "'" + value + "' cannot be a syslog " + field + ". Give 1 to " + max + " printable ASCII characters"
                    + " without spaces, for example '" + example + "'.";
        }
        return null;
    }
}
