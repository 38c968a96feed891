package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class StepTighteningTest {

    @Test
    public void blankArgumentsAreNotGiven() {
        assertEquals(Tightening.NONE, StepTightening.parse(null, "", " ", null));
    }

    @Test
    public void readsEveryArgumentAsAJenkinsfileWritesIt() {
        Tightening t = StepTightening.parse(3, "alice, bob carol,alice", "4h", "PT30M");
        assertEquals(Integer.valueOf(3), t.count());
        assertEquals(List.of("alice", "bob", "carol"), t.approvers());
        assertEquals(Duration.ofHours(4), t.timeout());
        assertEquals(Duration.ofMinutes(30), t.validity());
    }

    @Test
    public void malformedDurationsAreReportedTogether() {
        InvalidPolicyException e =
                assertThrows(InvalidPolicyException.class, () -> StepTightening.parse(null, "", "soon", "0s"));
        assertEquals(2, e.problems().size());
        assertThat(e.getMessage(), containsString("timeout: 'soon' is not a duration"));
        assertThat(e.getMessage(), containsString("validity: '0s' must be more than 0 seconds"));
    }
}
