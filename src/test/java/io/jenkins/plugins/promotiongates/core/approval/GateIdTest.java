package io.jenkins.plugins.promotiongates.core.approval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import org.junit.Test;

public class GateIdTest {

    @Test
    public void defaultsToTheEnvironmentAndKeepsAGivenId() {
        assertEquals("production", GateId.of(null, "production"));
        assertEquals("production", GateId.of("  ", "production"));
        assertEquals("release-1.4_b", GateId.of(" release-1.4_b ", "production"));
    }

    @Test
    public void refusesIdsThatAreNotAUrlSegment() {
        for (String bad : new String[] {"../admin", "a/b", "a b", "-lead", ".hidden", "x".repeat(65), "é", "a%2F"}) {
            InvalidPolicyException e = assertThrows(bad, InvalidPolicyException.class, () -> GateId.of(bad, "prod"));
            assertThat(e.getMessage(), containsString("id: '" + bad + "' is not a valid gate id"));
            assertThat(e.getMessage(), containsString("for example id: 'deploy-production'"));
        }
        assertEquals("x".repeat(64), GateId.of("x".repeat(64), "prod"));
    }
}
