package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

public class PolicyValidatorTest {

    private static final ApprovalRule TWO_LEADS = new ApprovalRule("leads", Set.of(), Set.of("leads"), 2, false);

    private static EnvironmentBuilder production() {
        return Environment.builder("production").promotedFrom("staging").rule(TWO_LEADS);
    }

    private static String fields(Environment environment) {
        return PolicyValidator.problems(environment, "").stream()
                .map(PolicyProblem::field)
                .collect(Collectors.joining(","));
    }

    @Test
    public void aSoundEnvironmentHasNoProblems() {
        assertEquals(List.of(), PolicyValidator.problems(production().build(), ""));
    }

    @Test
    public void defaultsAreTheSafeOnes() {
        Environment defaults = Environment.builder("dev").build();
        assertTrue(defaults.starterMayNotApprove());
        assertTrue(defaults.changeAuthorsMayNotApprove());
        assertTrue(defaults.onePersonOneRule());
        assertEquals(Duration.ofHours(24), defaults.approvalValidity());
        assertEquals(Duration.ofDays(7), defaults.gateTimeout());
        assertEquals(Duration.ZERO, defaults.soakTime());
        assertEquals(BreakGlass.FORBIDDEN, defaults.breakGlass());
        assertEquals(null, defaults.signature());
    }

    @Test
    public void eachBadSettingIsNamed() {
        assertEquals("name", fields(Environment.builder("prod uction").build()));
        assertEquals("name", fields(Environment.builder("").build()));
        assertEquals(
                "promotedFrom", fields(production().promotedFrom("production").build()));
        assertEquals(
                "promotedFrom",
                fields(production().promotedFrom("staging", "staging").build()));
        assertEquals(
                "approvalRules[1]",
                fields(production().rule(ApprovalRule.of(Set.of(), Set.of(), 1)).build()));
        assertEquals(
                "approvalRules[1].count",
                fields(production()
                        .rule(ApprovalRule.of(Set.of("a"), Set.of(), 0))
                        .build()));
        assertEquals(
                "approvalRules[1].count",
                fields(production()
                        .rule(ApprovalRule.of(Set.of(), Set.of("g"), 101))
                        .build()));
        assertEquals(
                "approvalRules[1].name", fields(production().rule(TWO_LEADS).build()));
        assertEquals(
                "approvalValidity",
                fields(production().approvalValidity(Duration.ZERO).build()));
        assertEquals(
                "gateTimeout",
                fields(production().gateTimeout(Duration.ofHours(-1)).build()));
        assertEquals(
                "soakTime", fields(production().soakTime(Duration.ofHours(-1)).build()));
        assertEquals(
                "signature.trustedKeys",
                fields(production().signature(SignatureRequirement.of(Set.of())).build()));
        assertEquals(
                "signature.minimumRsaBits",
                fields(production()
                        .signature(new SignatureRequirement(Set.of("k"), 512, SignatureHash.SHA256))
                        .build()));
        assertEquals(
                "allowedBranches[1]",
                fields(production().allowedBranches("main", " ").build()));
        assertEquals(
                "freezes[0]",
                fields(production()
                        .freezes(List.of(new Freeze(
                                Instant.parse("2025-01-02T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), "")))
                        .build()));
        assertEquals(
                "breakGlass.users",
                fields(production().breakGlass(new BreakGlass(true, Set.of())).build()));
    }

    @Test
    public void aUsersOnlyRuleNeedsAsManyUsersAsItsCount() {
        Environment env = production()
                .rule(ApprovalRule.of(Set.of("ann", "bob"), Set.of(), 3))
                .build();
        List<PolicyProblem> problems = PolicyValidator.problems(env, "environments[production].");
        assertEquals(
                "environments[production].approvalRules[1].count",
                problems.get(0).field());
        assertThat(problems.get(0).message(), containsString("requires 3 people but only 2 users are eligible"));
    }

    @Test
    public void requireValidListsEveryProblemAtOnce() {
        Environment env = production()
                .approvalValidity(Duration.ZERO)
                .gateTimeout(Duration.ZERO)
                .build();
        InvalidPolicyException e = assertThrows(
                InvalidPolicyException.class, () -> PolicyValidator.requireValid(env, "environments[production]."));
        assertEquals(2, e.problems().size());
        assertThat(
                e.getMessage(),
                containsString("environments[production].approvalValidity: must be longer than 0 seconds"));
        assertThat(
                e.getMessage(), containsString("environments[production].gateTimeout: must be longer than 0 seconds"));
    }

    @Test
    public void promotionPolicyChecksNamesAndReferences() {
        PromotionPolicy policy = new PromotionPolicy(List.of(
                Environment.builder("staging").build(),
                production().promotedFrom("staging", "qa").build(),
                Environment.builder("staging").build()));
        List<String> problems =
                policy.problems().stream().map(PolicyProblem::toString).toList();
        assertEquals(2, problems.size());
        assertThat(
                problems.get(0),
                containsString("environments[production].promotedFrom: 'qa' is not a defined environment"));
        assertThat(problems.get(1), containsString("environments[staging].name: is defined twice"));
        assertThrows(InvalidPolicyException.class, policy::requireValid);
    }

    @Test
    public void unknownEnvironmentNamesTheKnownOnes() {
        PromotionPolicy policy = new PromotionPolicy(
                List.of(Environment.builder("staging").build(), production().build()));
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> policy.require("prod"));
        assertThat(
                e.getMessage(),
                containsString("environment: 'prod' is not an environment defined in Manage Jenkins;"
                        + " known environments: [staging, production]"));
        assertEquals("production", policy.require("production").name());
    }
}
