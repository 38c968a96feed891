package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class PolicyTightenerTest {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "carol", Set.of("release-managers"),
            "dan", Set.of("release-managers"),
            "erin", Set.of("release-managers", "security"),
            "frank", Set.of("security"));

    private final PolicyTightener tightener =
            new PolicyTightener(IdNormalizer.caseInsensitive(), user -> GROUPS.getOrDefault(user, Set.of()));

    /** production: 2 release managers (or Alice), and 1 security person with a comment. */
    private static Environment production() {
        return Environment.builder("production")
                .promotedFrom("staging")
                .rule(new ApprovalRule("", Set.of("Alice"), Set.of("Release-Managers"), 2, false))
                .rule(new ApprovalRule("security", Set.of(), Set.of("security"), 1, true))
                .approvalValidity(Duration.ofHours(24))
                .gateTimeout(Duration.ofDays(2))
                .repository("prod-releases")
                .breakGlass(new BreakGlass(true, Set.of("Root")))
                .build();
    }

    private InvalidPolicyException refused(Tightening step) {
        return assertThrows(InvalidPolicyException.class, () -> tightener.effective(production(), step));
    }

    @Test
    public void withoutArgumentsTheEffectivePolicyIsTheNormalizedAdminPolicy() {
        EffectivePolicy policy = tightener.effective(production(), Tightening.NONE);
        assertEquals(Set.of("alice"), policy.rules().get(0).users());
        assertEquals(Set.of("release-managers"), policy.rules().get(0).groups());
        assertEquals("rule 1", policy.rules().get(0).name());
        assertEquals("security", policy.rules().get(1).name());
        assertEquals(Set.of("root"), policy.environment().breakGlass().users());
        assertEquals(Set.of(), policy.approvers());
        assertEquals(Duration.ofDays(2), policy.environment().gateTimeout());
        assertEquals(List.of(0), policy.eligibleRules("carol", Set.of("release-managers")));
        assertEquals(List.of(0, 1), policy.eligibleRules("erin", Set.of("release-managers", "security")));
    }

    @Test
    public void countRaisesEveryRule() {
        EffectivePolicy policy = tightener.effective(production(), Tightening.NONE.withCount(3));
        assertEquals(3, policy.rules().get(0).count());
        assertEquals(3, policy.rules().get(1).count());
    }

    @Test
    public void aLowerCountIsRefusedNamingTheRuleCount() {
        InvalidPolicyException e = refused(Tightening.NONE.withCount(1));
        assertEquals("count", e.problems().get(0).field());
        assertThat(
                e.getMessage(),
                containsString(
                        "count: 1 is lower than environments[production].approvalRules[0] (rule 1).count = 2; a pipeline may only raise it"));
    }

    @Test
    public void aZeroCountWouldSkipTheGate() {
        assertThat(
                refused(Tightening.NONE.withCount(0)).getMessage(),
                containsString(
                        "count: 0 would skip the approval gate, which environments[production].approvalRules requires"));
    }

    @Test
    public void approversNarrowEligibility() {
        EffectivePolicy policy =
                tightener.effective(production(), Tightening.NONE.withApprovers(List.of("CAROL", "dan", "Frank")));
        assertEquals(Set.of("carol", "dan", "frank"), policy.approvers());
        assertEquals(List.of(0), policy.eligibleRules("carol", Set.of("release-managers")));
        assertEquals(List.of(), policy.eligibleRules("alice", Set.of()));
        assertEquals(List.of(), policy.eligibleRules("erin", Set.of("release-managers", "security")));
    }

    @Test
    public void anApproverTheRulesDoNotAllowIsRefused() {
        InvalidPolicyException e = refused(Tightening.NONE.withApprovers(List.of("carol", "dan", "frank", "mallory")));
        assertEquals(1, e.problems().size());
        assertThat(
                e.getMessage(),
                containsString("approvers: 'mallory' is not eligible under environments[production].approvalRules;"
                        + " a pipeline may only narrow the eligible approvers, never add one"));
    }

    @Test
    public void approversThatLeaveARuleShortWouldSkipIt() {
        InvalidPolicyException e = refused(Tightening.NONE.withApprovers(List.of("carol", "dan")));
        assertThat(
                e.getMessage(),
                containsString("approvers: leaves 0 eligible people for environments[production].approvalRules[1]"
                        + " (security), which requires 1; a pipeline cannot skip a rule"));
    }

    @Test
    public void approversMustFillAllRulesWhenOnePersonCountsOnce() {
        // erin could serve both rules, but with onePersonOneRule she counts once: 2 people for 3 slots.
        InvalidPolicyException e = refused(Tightening.NONE.withApprovers(List.of("carol", "erin")));
        assertThat(e.getMessage(), containsString("these 2 people can fill at most 2 of the 3 approvals"));
        assertThat(e.getMessage(), containsString("environments[production].onePersonOneRule"));
        Environment shared = production().toBuilder().onePersonOneRule(false).build();
        assertEquals(
                Set.of("carol", "erin"),
                tightener
                        .effective(shared, Tightening.NONE.withApprovers(List.of("carol", "erin")))
                        .approvers());
    }

    @Test
    public void emptyApproversIsRefused() {
        assertThat(
                refused(Tightening.NONE.withApprovers(List.of())).getMessage(), containsString("approvers: is empty"));
    }

    @Test
    public void timeoutAndValidityMayOnlyShorten() {
        EffectivePolicy shorter = tightener.effective(
                production(), Tightening.NONE.withTimeout(Duration.ofHours(4)).withValidity(Duration.ofMinutes(90)));
        assertEquals(Duration.ofHours(4), shorter.environment().gateTimeout());
        assertEquals(Duration.ofMinutes(90), shorter.environment().approvalValidity());
        assertEquals(
                production().gateTimeout(),
                tightener
                        .effective(production(), Tightening.NONE.withTimeout(Duration.ofDays(2)))
                        .environment()
                        .gateTimeout());

        InvalidPolicyException e =
                refused(Tightening.NONE.withTimeout(Duration.ofDays(3)).withValidity(Duration.ofHours(25)));
        assertEquals(2, e.problems().size());
        assertThat(
                e.getMessage(),
                containsString(
                        "timeout: 3d is longer than environments[production].gateTimeout = 2d; a pipeline may only shorten it"));
        assertThat(
                e.getMessage(),
                containsString(
                        "validity: 1d1h is longer than environments[production].approvalValidity = 1d; a pipeline may only shorten it"));
        assertThat(
                refused(Tightening.NONE.withTimeout(Duration.ofMillis(500))).getMessage(),
                containsString("timeout: must be at least 1 second"));
    }

    @Test
    public void anotherRepositoryIsRefused() {
        assertThat(
                refused(Tightening.NONE.withRepository("my-own-repo")).getMessage(),
                containsString(
                        "repository: 'my-own-repo' differs from environments[production].repository 'prod-releases';"
                                + " a pipeline cannot choose another repository"));
        tightener.effective(production(), Tightening.NONE.withRepository("prod-releases"));
    }

    @Test
    public void everyLooseningIsReportedAtOnce() {
        InvalidPolicyException e =
                refused(new Tightening(1, List.of("mallory"), Duration.ofDays(9), null, "elsewhere"));
        List<String> fields =
                e.problems().stream().map(PolicyProblem::field).distinct().toList();
        assertEquals(List.of("count", "approvers", "timeout", "repository"), fields);
    }

    @Test
    public void anInvalidAdminPolicyIsRefusedBeforeTightening() {
        Environment broken = production().toBuilder().gateTimeout(Duration.ZERO).build();
        InvalidPolicyException e =
                assertThrows(InvalidPolicyException.class, () -> tightener.effective(broken, Tightening.NONE));
        assertEquals("environments[production].gateTimeout", e.problems().get(0).field());
    }

    @Test
    public void tighteningChangesTheDigestAndSpellingDoesNot() {
        String base = tightener.effective(production(), Tightening.NONE).digest();
        assertNotEquals(
                base,
                tightener.effective(production(), Tightening.NONE.withCount(3)).digest());
        assertNotEquals(
                base,
                tightener
                        .effective(production(), Tightening.NONE.withValidity(Duration.ofHours(1)))
                        .digest());
        Environment respelled = production().toBuilder()
                .approvalRules(List.of(
                        new ApprovalRule("", Set.of("ALICE"), Set.of("release-managers"), 2, false),
                        new ApprovalRule("security", Set.of(), Set.of("SECURITY"), 1, true)))
                .build();
        assertEquals(base, tightener.effective(respelled, Tightening.NONE).digest());
    }
}
