package io.jenkins.plugins.promotiongates.config;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.policy.BreakGlass;
import org.junit.Test;

/**
 * Break-glass is one setting: a block with users allows them, no block allows nobody, and an older
 * {@code allowed: false} stays off. Twin of {@code PolicyFormJenkinsTest}'s round trip through the form.
 */
public class BreakGlassConfigTest {

    private static BreakGlass enforced(EnvironmentConfig environment) {
        return environment
                .toSettings()
                .toEnvironment("environments[production]")
                .breakGlass();
    }

    @Test
    public void aBlockWithUsersAllowsThem() {
        BreakGlassConfig block = new BreakGlassConfig();
        block.setUsers("oncall-lead");
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setBreakGlass(block);
        assertTrue(enforced(production).permits("oncall-lead"));
        assertFalse(enforced(production).permits("alice"));
        assertSame(block, production.getBreakGlass());
    }

    @Test
    public void noBlockAllowsNobody() {
        EnvironmentConfig production = new EnvironmentConfig("production");
        assertFalse(enforced(production).allowed());
        assertNull(production.getBreakGlass());
    }

    @Test
    public void anOlderSettingTurnedOffStaysOffAndIsShownUnticked() {
        BreakGlassConfig off = new BreakGlassConfig();
        off.setAllowed(false);
        off.setUsers("oncall-lead");
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setBreakGlass(off);
        assertFalse(enforced(production).permits("oncall-lead"));
        assertNull("the form shows it unticked, so saving the form keeps it off", production.getBreakGlass());
    }
}
