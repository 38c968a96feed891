package io.jenkins.plugins.promotiongates.core.view;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the release an environment holds must still soak there before it may move on to a next
 * environment, whose {@code soakTime} sets the minimum (as the promotion's soak precondition counts it: from
 * when the release became what the environment holds).
 *
 * @param target the next environment
 * @param readyAt when the release has soaked long enough
 * @param remaining the time left from now; zero once soaked
 */
public record SoakCountdown(String target, Instant readyAt, Duration remaining) {

    /** The countdown of a release held since {@code since}, for a target with {@code soakTime}, at {@code now}. */
    public static SoakCountdown of(String target, Instant since, Duration soakTime, Instant now) {
        Instant readyAt = since.plus(soakTime);
        Duration remaining = Duration.between(now, readyAt);
        return new SoakCountdown(target, readyAt, remaining.isNegative() ? Duration.ZERO : remaining);
    }

    /** Whether the release has soaked long enough to move on. */
    public boolean soaked() {
        return remaining.isZero();
    }
}
