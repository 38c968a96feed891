package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.Test;

/** The optional {@code rollbackApprovals} setting: validated, carried through the canonical JSON, absent by default. */
public class RollbackApprovalsTest {

    private static final PolicyTightener TIGHTENER =
            new PolicyTightener(IdNormalizer.caseInsensitive(), GroupDirectory.NONE);

    private static Environment production(Integer rollbackApprovals) {
        return Environment.builder("production")
                .rule(new ApprovalRule("leads", Set.of(), Set.of("leads"), 2, false))
                .rule(new ApprovalRule("security", Set.of(), Set.of("security"), 1, false))
                .rollbackApprovals(rollbackApprovals)
                .build();
    }

    @Test
    public void isAbsentByDefaultAndLeavesTheDigestAsItWas() {
        Environment plain = Environment.builder("production")
                .rule(new ApprovalRule("leads", Set.of(), Set.of("leads"), 2, false))
                .build();
        assertNull(plain.rollbackApprovals());
        EffectivePolicy policy = TIGHTENER.effective(plain, Tightening.NONE);
        assertFalse(policy.canonicalJson().contains("rollbackApprovals"));
        assertNull(PolicyJson.read(policy.canonicalJson()).environment().rollbackApprovals());
    }

    @Test
    public void isCarriedThroughTheCanonicalJsonAndChangesTheDigest() {
        EffectivePolicy withZero = TIGHTENER.effective(production(0), Tightening.NONE);
        EffectivePolicy without = TIGHTENER.effective(production(null), Tightening.NONE);
        assertThat(withZero.canonicalJson(), containsString("\"rollbackApprovals\":0"));
        assertEquals(
                Integer.valueOf(0),
                PolicyJson.read(withZero.canonicalJson()).environment().rollbackApprovals());
        assertEquals(
                withZero.digest(), PolicyJson.read(withZero.canonicalJson()).digest());
        assertFalse(withZero.digest().equals(without.digest()));
    }

    @Test
    public void mustLieBetweenZeroAndTheApprovalsTheRulesRequire() {
        assertEquals(List.of(), PolicyValidator.problems(production(3), "environments[production]."));
        for (int bad : new int[] {-1, 4}) {
            List<PolicyProblem> problems = PolicyValidator.problems(production(bad), "environments[production].");
            assertEquals(1, problems.size());
            assertEquals(
                    "environments[production].rollbackApprovals",
                    problems.get(0).field());
            assertThat(
                    problems.get(0).message(),
                    containsString(bad + " is out of range; use 0 (no approvals for a"
                            + " rollback) up to 3 (the approvals approvalRules require)"));
        }
    }
}
