package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import org.junit.Test;

public class DurationTextTest {

    @Test
    public void readsShortAndIsoForms() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("timeout", "90s"));
        assertEquals(Duration.ofMinutes(30), DurationText.parse("timeout", "30m"));
        assertEquals(Duration.ofHours(24), DurationText.parse("timeout", "24h"));
        assertEquals(Duration.ofDays(7), DurationText.parse("timeout", "7d"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("timeout", "1h30m"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("timeout", " 1h 30m "));
        assertEquals(Duration.ofHours(24), DurationText.parse("timeout", "PT24H"));
        assertEquals(Duration.ofHours(2), DurationText.parse("timeout", "pt2h"));
    }

    @Test
    public void refusesMalformedNamingTheField() {
        for (String bad :
                new String[] {"", "  ", "soon", "5 minutes", "1m1h", "-5m", "99999999999999999999d", "PTxH"}) {
            InvalidPolicyException e =
                    assertThrows(bad, InvalidPolicyException.class, () -> DurationText.parse("gateTimeout", bad));
            assertThat(e.getMessage(), startsWith("gateTimeout: "));
            assertThat(e.getMessage(), containsString("24h"));
        }
        InvalidPolicyException none =
                assertThrows(InvalidPolicyException.class, () -> DurationText.parse("validity", null));
        assertEquals("validity", none.problems().get(0).field());
    }

    @Test
    public void refusesZeroNegativeAndOverTenYears() {
        for (String bad : new String[] {"0s", "0d", "PT0S", "PT-5M", "3651d"}) {
            InvalidPolicyException e =
                    assertThrows(bad, InvalidPolicyException.class, () -> DurationText.parse("soakTime", bad));
            assertThat(e.getMessage(), containsString("must be more than 0 seconds and at most 3650d"));
        }
        assertEquals(Duration.ofDays(3650), DurationText.parse("soakTime", "3650d"));
    }

    @Test
    public void formatsTheShortestExactForm() {
        assertEquals("1m30s", DurationText.format(Duration.ofSeconds(90)));
        assertEquals("1d2h", DurationText.format(Duration.ofHours(26)));
        assertEquals("7d", DurationText.format(Duration.ofDays(7)));
        assertEquals("0s", DurationText.format(Duration.ZERO));
        assertEquals(
                Duration.ofSeconds(93784), DurationText.parse("x", DurationText.format(Duration.ofSeconds(93784))));
    }
}
