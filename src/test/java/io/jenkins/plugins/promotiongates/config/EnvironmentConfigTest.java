package io.jenkins.plugins.promotiongates.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import java.util.List;
import org.junit.Test;

/** The configuration objects hand the engine exactly what the administrator typed. */
public class EnvironmentConfigTest {

    @Test
    public void everyFieldReachesTheEngineSettings() {
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setPromotedFrom("staging");
        ApprovalRuleConfig leads = new ApprovalRuleConfig();
        leads.setName("leads");
        leads.setUsers("alice, bob");
        leads.setCount(2);
        production.setApprovalRules(List.of(leads));
        production.setStarterMayNotApprove(false);
        production.setGateTimeout("2d");
        SignaturePolicyConfig signature = new SignaturePolicyConfig("release-team");
        signature.setMinimumRsaBits(3072);
        production.setSignature(signature);
        production.setChangeWindows(List.of(new ChangeWindowConfig("MON-FRI", "09:00", "17:00")));
        FreezeConfig freeze = new FreezeConfig("2025-12-20T00:00:00Z", "2026-01-05T00:00:00Z");
        freeze.setReason("year-end");
        production.setFreezes(List.of(freeze));
        BreakGlassConfig breakGlass = new BreakGlassConfig();
        breakGlass.setAllowed(true);
        breakGlass.setUsers("oncall");
        production.setBreakGlass(breakGlass);

        EnvironmentSettings settings = production.toSettings();
        assertEquals("production", settings.name());
        assertEquals("staging", settings.promotedFrom());
        assertEquals(
                new EnvironmentSettings.RuleSettings("leads", "alice, bob", "", 2, false),
                settings.approvalRules().get(0));
        assertEquals(false, settings.starterMayNotApprove());
        assertEquals("2d", settings.gateTimeout());
        assertEquals("24h", settings.approvalValidity());
        assertEquals(new EnvironmentSettings.SignatureSettings("release-team", 3072, "sha256"), settings.signature());
        assertEquals(
                new EnvironmentSettings.WindowSettings("MON-FRI", "09:00", "17:00"),
                settings.changeWindows().get(0));
        assertEquals(
                new EnvironmentSettings.FreezeSettings("2025-12-20T00:00:00Z", "2026-01-05T00:00:00Z", "year-end"),
                settings.freezes().get(0));
        assertEquals(new EnvironmentSettings.BreakGlassSettings(true, "oncall"), settings.breakGlass());
        assertEquals(
                2,
                settings.toEnvironment("environments[production]")
                        .approvalRules()
                        .get(0)
                        .count());
    }

    @Test
    public void optionalSectionsStayAbsent() {
        EnvironmentSettings settings = new EnvironmentConfig("dev").toSettings();
        assertNull(settings.signature());
        assertNull(settings.breakGlass());
        assertEquals("UTC", settings.timeZone());
        assertEquals("dev", settings.toEnvironment("environments[dev]").name());
    }
}
