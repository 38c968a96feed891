package io.jenkins.plugins.promotiongates.core.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one way a time is shown to people (pages, console lines, reasons): ISO-8601 in UTC to the
 * second, {@code 2026-12-06T20:15:03Z}. {@link Instant#toString()} would print every nanosecond the
 * clock gave. Machine formats (the audit JSON, {@code api/json}, the step's return value) keep their
 * own documented precision and do not use this.
 */
public final class DisplayTime {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private DisplayTime() {}

    /** {@code time} to the second (truncated), or empty for {@code null}. */
    public static String of(Instant time) {
        return time == null ? "" : SHOWN.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A time as recorded in text ({@code 2026-12-06T20:15:03.123Z}, as the audit events write it) to
     * the second; text that is not an ISO-8601 instant is returned as it is, so that nothing recorded
     * is hidden.
     */
    public static String ofText(String recorded) {
        if (recorded == null) {
            return "";
        }
        try {
            return of(Instant.parse(recorded));
        } catch (DateTimeParseException e) {
            return recorded;
        }
    }

    /** Whether {@code text} is an ISO-8601 instant, such as a recorded time. */
    public static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
