package io.jenkins.plugins.promotiongates.core.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations as administrators and pipeline authors type them: {@code 90s},
 * {@code 30m}, {@code 24h}, {@code 7d}, combinations such as {@code 1h30m}, or ISO-8601 such as
 * {@code PT24H}.
 */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final long MAX_SECONDS = Duration.ofDays(3650).toSeconds();

    private DurationText() {}

    /**
     * @param field the setting being read, named in the error
     * @throws InvalidPolicyException if {@code text} is blank, malformed, not positive or over ten years
     */
    public static Duration parse(String field, String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Duration duration = trimmed.startsWith("p") ? iso(field, text, trimmed) : shortForm(field, text, trimmed);
        if (duration.isNegative() || duration.isZero() || duration.toSeconds() > MAX_SECONDS) {
            throw new InvalidPolicyException(field, "'" + text + "' must be more than 0 seconds and at most 3650d");
        }
        return duration;
    }

    /** The shortest exact short form: {@code 1d2h}, {@code 90s} becomes {@code 1m30s}. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        append(text, seconds / 86_400, "d");
        append(text, seconds % 86_400 / 3_600, "h");
        append(text, seconds % 3_600 / 60, "m");
        append(text, seconds % 60, "s");
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static Duration iso(String field, String original, String trimmed) {
        try {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw malformed(field, original);
        }
    }

    private static Duration shortForm(String field, String original, String trimmed) {
        Matcher matcher = SHORT.matcher(trimmed.replace(" ", ""));
        if (trimmed.isEmpty() || !matcher.matches()) {
            throw malformed(field, original);
        }
        try {
            return Duration.ofDays(number(matcher.group(1)))
                    .plusHours(number(matcher.group(2)))
                    .plusMinutes(number(matcher.group(3)))
                    .plusSeconds(number(matcher.group(4)));
        } catch (ArithmeticException | NumberFormatException e) {
            throw malformed(field, original);
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static InvalidPolicyException malformed(String field, String text) {
        return new InvalidPolicyException(
                field, "'" + text + "' is not a duration; write it like 90s, 30m, 24h, 7d, 1h30m or PT24H");
    }
}
