package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/**
 * The admin form's checks while typing say what saving says: each bad value gets the message saving the
 * environment would give for that field, and each good value none. Twin of the form endpoints in
 * {@code PromotionGatesConfigurationJenkinsTest}.
 */
public class EnvironmentFieldsTest {

    /** What saving an environment with {@code settings} reports, all problems in one message. */
    private static String savingSays(EnvironmentSettings settings) {
        return assertThrows(InvalidPolicyException.class, () -> settings.toEnvironment("environments[x]"))
                .getMessage();
    }

    private static EnvironmentSettings withSoakTime(String soakTime) {
        return new EnvironmentSettings(
                "x", "", List.of(), true, true, true, "24h", "7d", null, "", "UTC", List.of(), List.of(), soakTime, "",
                null, "", List.of());
    }

    @Test
    public void aBadDurationGetsTheSameMessageAsSaving() {
        String typed = EnvironmentFields.soakTime("two days");
        assertThat(typed, containsString("'two days' is not a duration; write it like 90s"));
        assertThat(savingSays(withSoakTime("two days")), containsString(typed));
        assertNull(EnvironmentFields.soakTime("2d"));
        assertNull(EnvironmentFields.soakTime("0"));
        assertThat(EnvironmentFields.approvalValidity("-1h"), containsString("is not a duration"));
        assertNull(EnvironmentFields.gateTimeout("7d"));
        assertThat(EnvironmentFields.gateTimeout("4000d"), containsString("at most 3650d"));
    }

    @Test
    public void nameTimeZoneAndBranches() {
        assertThat(EnvironmentFields.name("../prod"), containsString("is not a valid environment name"));
        assertThat(EnvironmentFields.name(""), containsString("is not a valid environment name"));
        assertNull(EnvironmentFields.name("staging-eu"));
        assertThat(EnvironmentFields.timeZone("Mars/Olympus"), containsString("is not a time zone"));
        assertNull(EnvironmentFields.timeZone("Europe/Paris"));
        assertNull(EnvironmentFields.allowedBranches("main, release/*"));
        assertThat(EnvironmentFields.allowedBranches("x".repeat(300)), containsString("characters long"));
    }

    @Test
    public void promotedFromMayNotNameItself() {
        assertEquals("an environment cannot be promoted from itself", EnvironmentFields.promotedFrom("prod", "prod"));
        // Saving reads a name list once per name, so a repeated name is no problem there either.
        assertNull(EnvironmentFields.promotedFrom("prod", "qa, staging qa"));
        assertNull(EnvironmentFields.promotedFrom("prod", "staging"));
    }

    @Test
    public void ruleCountAndEligibility() {
        assertThat(EnvironmentFields.ruleCount("alice", "", 2), containsString("requires 2 people but only 1"));
        assertThat(EnvironmentFields.ruleCount("", "ops", 0), containsString("0 is out of range; use 1 to 100"));
        assertNull(EnvironmentFields.ruleCount("", "ops", 5));
        assertThat(EnvironmentFields.ruleEligibility("", ""), containsString("names no users and no groups"));
        assertNull(EnvironmentFields.ruleEligibility("alice", ""));
    }

    @Test
    public void rollbackApprovalsIsAWholeNumber() {
        assertThat(EnvironmentFields.rollbackApprovals("one"), containsString("is not a whole number"));
        assertThat(EnvironmentFields.rollbackApprovals("-1"), containsString("out of range"));
        assertNull(EnvironmentFields.rollbackApprovals("1"));
        assertNull(EnvironmentFields.rollbackApprovals(""));
    }

    @Test
    public void windowsAndFreezes() {
        assertThat(EnvironmentFields.windowDays("Funday"), containsString("is not a day"));
        assertNull(EnvironmentFields.windowDays("MON-FRI"));
        assertThat(EnvironmentFields.windowTime("start", "9am"), containsString("is not a time of day"));
        assertNull(EnvironmentFields.windowTime("end", "17:00"));
        assertThat(EnvironmentFields.freeze("2025-12-20", "2026-01-05T00:00:00Z"), containsString("is not an instant"));
        assertThat(
                EnvironmentFields.freeze("2026-01-05T00:00:00Z", "2025-12-20T00:00:00Z"),
                containsString("needs a start ('from') before its end ('to')"));
        assertNull(EnvironmentFields.freeze("2025-12-20T00:00:00Z", "2026-01-05T00:00:00Z"));
    }

    @Test
    public void signatureAndBreakGlass() {
        assertThat(EnvironmentFields.signatureKeys(""), containsString("name at least one trusted key"));
        assertNull(EnvironmentFields.signatureKeys("release-team"));
        assertThat(EnvironmentFields.minimumRsaBits(512), containsString("512 is out of range"));
        assertNull(EnvironmentFields.minimumRsaBits(3072));
        assertThat(EnvironmentFields.minimumHash("md5"), containsString("md5"));
        assertNull(EnvironmentFields.minimumHash("sha512"));
        assertThat(EnvironmentFields.breakGlassUsers(" "), containsString("name who may break the glass"));
        assertNull(EnvironmentFields.breakGlassUsers("oncall-lead"));
    }

    @Test
    public void unknownNamesAreNamedWithTheKnownOnes() {
        assertEquals(
                "stagin is not a saved environment (known: dev, staging); define it before saving, or correct the"
                        + " spelling",
                EnvironmentFields.unknownNames("environment", "dev, stagin", List.of("dev", "staging")));
        assertNull(EnvironmentFields.unknownNames("trusted key", "release-team", List.of("release-team")));
        assertThat(
                EnvironmentFields.unknownNames("trusted key", "a, b", List.of()),
                containsString("a, b are not saved trusted keys (known: none)"));
    }

    @Test
    public void completionsOfferTheNamesThatStartLikeTheLastWordAndAreNotListedYet() {
        List<String> names = List.of("dev", "staging", "staging-eu", "production");
        assertEquals(List.of("staging", "staging-eu"), EnvironmentFields.completions("st", names));
        assertEquals(List.of("staging-eu"), EnvironmentFields.completions("staging, ST", names));
        assertEquals(List.of("dev", "staging-eu", "production"), EnvironmentFields.completions("staging, ", names));
        assertEquals(names, EnvironmentFields.completions(null, names));
    }

    @Test
    public void timeZonesAreEveryZoneIdSorted() {
        List<String> zones = EnvironmentFields.timeZones();
        assertTrue(zones.contains("Europe/Paris"));
        assertTrue(zones.contains("UTC"));
        assertTrue(zones.indexOf("America/New_York") < zones.indexOf("Europe/Paris"));
    }
}
