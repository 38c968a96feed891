package io.jenkins.plugins.promotiongates.core.sink;

import java.util.List;
import java.util.Locale;

/** The syslog facilities of RFC 5424 (section 6.2.1) by their usual names, numbered 0 to 23. */
final class SyslogFacility {

    static final List<String> NAMES = List.of(
            "kern",
            "user",
            "mail",
            "daemon",
            "auth",
            "syslog",
            "lpr",
            "news",
            "uucp",
            "cron",
            "authpriv",
            "ftp",
            "ntp",
            "audit",
            "alert",
            "clock",
            "local0",
            "local1",
            "local2",
            "local3",
            "local4",
            "local5",
            "local6",
            "local7");

    static final String DEFAULT = "local0";

    private SyslogFacility() {}

    /**
     * The facility's number, from its name ({@code local0}) or number ({@code 16}).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    static int parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        int index = NAMES.indexOf(text);
        if (index >= 0) {
            return index;
        }
        if (text.matches("\\d{1,2}") && Integer.parseInt(text) < NAMES.size()) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException("'" + value + "' is not a syslog facility. Give one of "
                + String.join(", ", NAMES) + " (or its number, 0 to 23); the default is " + DEFAULT + ".");
    }
}
