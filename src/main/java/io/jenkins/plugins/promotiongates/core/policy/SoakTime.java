package io.jenkins.plugins.promotiongates.core.policy;

import java.time.Duration;
import java.time.Instant;

/** Checks that an artifact spent the environment's minimum soak time in its source environment. */
public final class SoakTime {

    private SoakTime() {}

    /**
     * @param minimum the target environment's {@code soakTime}; zero means no minimum
     * @param enteredSource when the artifact entered the source environment, or {@code null} if it never did
     * @param sourceEnvironment the source environment's name, for messages
     * @param now the current time
     */
    public static Verdict check(Duration minimum, Instant enteredSource, String sourceEnvironment, Instant now) {
        if (minimum.isZero()) {
            return Verdict.pass("soakTime is 0: no minimum time in " + sourceEnvironment);
        }
        if (enteredSource == null) {
            return Verdict.fail("soakTime: the artifact was never promoted to " + sourceEnvironment
                    + ", so it has not soaked there; promote it to " + sourceEnvironment + " first");
        }
        Duration soaked = Duration.between(enteredSource, now);
        if (soaked.compareTo(minimum) >= 0) {
            return Verdict.pass("soaked " + DurationText.format(soaked) + " in " + sourceEnvironment + " (soakTime "
                    + DurationText.format(minimum) + ")");
        }
        Duration remaining = minimum.minus(soaked);
        return Verdict.fail("soakTime: the artifact has been in " + sourceEnvironment + " for "
                + DurationText.format(soaked.isNegative() ? Duration.ZERO : soaked) + " of the required "
                + DurationText.format(minimum) + "; try again after " + enteredSource.plus(minimum) + " (in "
                + DurationText.format(remaining) + ")");
    }
}
