package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.Test;

public class SoakTimeTest {

    private static final Instant ENTERED = Instant.parse("2025-06-02T10:00:00Z");

    @Test
    public void passesExactlyAtTheMinimum() {
        assertTrue(SoakTime.check(Duration.ofHours(24), ENTERED, "staging", ENTERED.plus(Duration.ofHours(24)))
                .passed());
        assertTrue(SoakTime.check(Duration.ofHours(24), ENTERED, "staging", ENTERED.plus(Duration.ofDays(3)))
                .passed());
    }

    @Test
    public void failsOneSecondEarlyAndSaysWhenToRetry() {
        Verdict early = SoakTime.check(Duration.ofHours(24), ENTERED, "staging", Instant.parse("2025-06-03T09:59:59Z"));
        assertFalse(early.passed());
        assertThat(
                early.message(),
                containsString("soakTime: the artifact has been in staging for 23h59m59s of the required 1d"));
        assertThat(early.message(), containsString("try again after 2025-06-03T10:00:00Z (in 1s)"));
    }

    @Test
    public void failsWhenTheArtifactNeverReachedTheSource() {
        Verdict never = SoakTime.check(Duration.ofHours(1), null, "staging", ENTERED);
        assertFalse(never.passed());
        assertThat(never.message(), containsString("never promoted to staging"));
    }

    @Test
    public void zeroMinimumAlwaysPasses() {
        assertTrue(SoakTime.check(Duration.ZERO, null, "staging", ENTERED).passed());
    }

    @Test
    public void clockSkewCountsAsNoSoak() {
        Verdict skew = SoakTime.check(Duration.ofHours(1), ENTERED, "staging", ENTERED.minusSeconds(30));
        assertFalse(skew.passed());
        assertThat(skew.message(), containsString("for 0s of the required 1h"));
    }
}
