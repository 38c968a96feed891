package io.jenkins.plugins.promotiongates.core.evidence.external;

import java.time.Duration;

/**
 * When a pending external check is asked again: after {@code first}, then each wait {@code factor} times the
 * previous one, never more than {@code max}. Deterministic, so the gate page can show the next time.
 *
 * @param first the wait after the first pending answer
 * @param factor how much longer each next wait is; 1 for a fixed interval
 * @param max the longest wait
 */
public record PollSchedule(Duration first, double factor, Duration max) {

    /** 30 s, then doubling, at most 10 minutes: 30 s, 1 min, 2 min, 4 min, 8 min, 10 min, 10 min... */
    public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofSeconds(30), 2, Duration.ofMinutes(10));

    /**
     * @throws IllegalArgumentException naming the setting out of range
     */
    public PollSchedule {
        if (first == null || first.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "The poll schedule's first wait is " + first + "; it must be 1 second or" + " more, such as 30s");
        }
        if (!(factor >= 1 && factor <= 10)) {
            throw new IllegalArgumentException(
                    "The poll schedule's factor is " + factor + "; it must be from 1 to 10, such as 2");
        }
        if (max == null || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("The poll schedule's longest wait is " + max
                    + "; it must be at least the" + " first wait, " + first);
        }
    }

    /** The wait after the {@code attempt}-th pending answer (1 for the first). */
    public Duration after(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        double millis = first.toMillis() * Math.pow(factor, attempt - 1.0);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
