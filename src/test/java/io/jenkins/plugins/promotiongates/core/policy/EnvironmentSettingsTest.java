package io.jenkins.plugins.promotiongates.core.policy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings.BreakGlassSettings;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings.EvidenceSettings;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings.FreezeSettings;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings.RuleSettings;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings.SignatureSettings;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings.WindowSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

public class EnvironmentSettingsTest {

    private static EnvironmentSettings production(String validity, String zone, String from, String hash) {
        return new EnvironmentSettings(
                "production",
                "staging",
                List.of(
                        new RuleSettings("leads", "alice, bob carol", "release-managers", 2, false),
                        new RuleSettings("security", "", "security", 1, true)),
                true,
                true,
                true,
                validity,
                "2d",
                new SignatureSettings("release-team", 3072, hash),
                "main, release/**",
                zone,
                List.of(new WindowSettings("MON-THU", "09:00", "16:00")),
                List.of(new FreezeSettings(from, "2026-01-05T00:00:00Z", "year-end freeze")),
                "24h",
                "file:/srv/releases/production",
                new BreakGlassSettings(true, "oncall-lead"),
                "1",
                List.of(
                        new EvidenceSettings(EvidenceKind.TESTS, Map.of("minimumTests", 10)),
                        new EvidenceSettings(
                                EvidenceKind.SBOM,
                                Map.of(
                                        "files",
                                        " bom.json ",
                                        "allowedLicences",
                                        "MIT, Apache-2.0",
                                        "allowUnlicensed",
                                        false))));
    }

    @Test
    public void readsEveryFieldAsTheAdministratorTypedIt() {
        Environment environment = production("24h", "Europe/Paris", "2025-12-20T00:00:00Z", "sha256")
                .toEnvironment("environments[production]");
        assertEquals("production", environment.name());
        assertEquals(List.of("staging"), environment.promotedFrom());
        assertEquals(
                Set.of("alice", "bob", "carol"),
                environment.approvalRules().get(0).users());
        assertEquals(2, environment.approvalRules().get(0).count());
        assertEquals(true, environment.approvalRules().get(1).commentRequired());
        assertEquals(Duration.ofHours(24), environment.approvalValidity());
        assertEquals(Duration.ofDays(2), environment.gateTimeout());
        assertEquals(Set.of("release-team"), environment.signature().trustedKeys());
        assertEquals(3072, environment.signature().minimumRsaBits());
        assertEquals(List.of("main", "release/**"), environment.allowedBranches());
        assertEquals(ZoneId.of("Europe/Paris"), environment.timeZone());
        assertEquals(
                new WeeklyWindow(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0), LocalTime.of(16, 0)),
                environment.changeWindows().get(0));
        assertEquals(
                Instant.parse("2025-12-20T00:00:00Z"),
                environment.freezes().get(0).from());
        assertEquals(Duration.ofHours(24), environment.soakTime());
        assertEquals(Set.of("oncall-lead"), environment.breakGlass().users());
        assertEquals(Integer.valueOf(1), environment.rollbackApprovals());
        assertEquals(10, environment.evidence().get(0).testsSettings().minimumTests());
        assertTrue(environment.evidence().get(0).usesRunTestResults());
        assertEquals(List.of("bom.json"), environment.evidence().get(1).files());
        assertEquals(
                Map.of("kind", "sbom", "files", "bom.json", "allowedLicences", "MIT, Apache-2.0"),
                environment.evidence().get(1).tree());
    }

    @Test
    public void blankFieldsTakeTheDefaults() {
        Environment dev = new EnvironmentSettings(
                        "dev", "", List.of(), true, true, true, "", null, null, "", "", null, null, "0", "", null, "",
                        null)
                .toEnvironment("environments[dev]");
        assertEquals(List.of(), dev.promotedFrom());
        assertEquals(Environment.DEFAULT_APPROVAL_VALIDITY, dev.approvalValidity());
        assertEquals(Environment.DEFAULT_GATE_TIMEOUT, dev.gateTimeout());
        assertEquals(Duration.ZERO, dev.soakTime());
        assertNull(dev.signature());
        assertEquals(BreakGlass.FORBIDDEN, dev.breakGlass());
        assertNull(dev.rollbackApprovals());
    }

    @Test
    public void reportsEveryBadFieldAtOnceByItsPath() {
        InvalidPolicyException e = assertThrows(
                InvalidPolicyException.class,
                () -> production("forever", "Mars/Olympus", "christmas", "md5")
                        .toEnvironment("environments[production]"));
        List<String> fields = e.problems().stream().map(PolicyProblem::field).collect(Collectors.toList());
        assertEquals(
                List.of(
                        "environments[production].approvalValidity",
                        "environments[production].timeZone",
                        "environments[production].signature.minimumHash",
                        "environments[production].freezes[0].from"),
                fields);
        assertEquals(
                "'Mars/Olympus' is not a time zone; use an IANA zone id such as Europe/Paris or UTC",
                e.problems().get(1).message());
        assertEquals(
                "'christmas' is not an instant; write it as 2025-12-20T00:00:00Z",
                e.problems().get(3).message());
    }

    @Test
    public void namesListsAsPeopleTypeThem() {
        assertEquals(List.of("alice", "bob", "carol"), NameList.parse(" alice, bob\ncarol ,alice "));
        assertEquals(List.of(), NameList.parse(null));
        assertEquals(List.of(), NameList.parse(" , "));
        assertEquals("alice, bob", NameList.format(List.of("alice", "bob")));
    }
}
