package io.jenkins.plugins.promotiongates.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * How pages say a length of time and a deadline in words, as people read them: {@code 3 h 12 min},
 * {@code closes in 3 h 12 min}. The two largest units, truncated: a countdown never promises more time
 * than is left. Machine formats keep their exact durations and do not use this.
 */
public final class Countdown {

    private static final String[] UNITS = {"d", "h", "min", "s"};
    private static final long[] SECONDS = {86_400, 3_600, 60, 1};

    private Countdown() {}

    /**
     * {@code duration} in its two largest units, truncated: {@code 2 d 4 h}, {@code 3 h 12 min},
     * {@code 45 s}; {@code 0 s} for zero or less. A unit that is zero after the first is left out
     * ({@code 2 d}, not {@code 2 d 0 h}).
     */
    public static String words(Duration duration) {
        long left = duration == null || duration.isNegative() ? 0 : duration.toSeconds();
        for (int unit = 0; unit < UNITS.length; unit++) {
            long amount = left / SECONDS[unit];
            if (amount > 0 || unit == UNITS.length - 1) {
                String first = amount + " " + UNITS[unit];
                if (unit == UNITS.length - 1) {
                    return first;
                }
                long next = left % SECONDS[unit] / SECONDS[unit + 1];
                return next == 0 ? first : first + " " + next + " " + UNITS[unit + 1];
            }
        }
        throw new AssertionError("the last unit always returns");
    }

    /**
     * A gate's deadline seen at {@code now}: {@code closes in 3 h 12 min}, or {@code deadline passed 5 min ago}
     * once it is due.
     */
    public static String closesIn(Instant now, Instant deadline) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return "deadline passed " + words(left.negated()) + " ago";
        }
        return "closes in " + words(left);
    }

    /** How long ago {@code since} was at {@code now}: {@code 2 h 5 min ago}; {@code 0 s ago} for the future. */
    public static String ago(Instant now, Instant since) {
        return words(Duration.between(since, now)) + " ago";
    }
}
