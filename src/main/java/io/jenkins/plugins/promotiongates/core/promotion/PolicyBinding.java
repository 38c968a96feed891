package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a gate's approvals were given under the target's policy as it is now: the gate's policy
 * must match its recorded digest, every decision must carry that digest, and the policy must be the
 * target's current effective policy, possibly tightened by the step (higher counts, fewer approvers,
 * shorter timeout or validity). A gate opened before the administrator changed the policy no longer
 * counts.
 */
final class PolicyBinding {

    private PolicyBinding() {}

    static Verdict check(GateSnapshot gate, EffectivePolicy current) {
        String id = "gate '" + gate.gateId() + "'";
        if (!Sha256.same(gate.policy().digest(), gate.policyDigest())) {
            return Verdict.fail(id + " holds a policy whose digest is "
                    + gate.policy().digest()
                    + ", not its recorded " + gate.policyDigest() + ", so the stored gate was altered;"
                    + " run requireApprovals again and get the approvals");
        }
        for (Decision decision : gate.decisions()) {
            if (!Sha256.same(decision.policyDigest(), gate.policyDigest())) {
                return Verdict.fail(decision.userId() + "'s decision at " + id
                        + " was made under policy " + decision.policyDigest() + ", not the gate's "
                        + gate.policyDigest() + "; run requireApprovals again and get the approvals");
            }
        }
        if (!isTighteningOf(gate.policy(), current)) {
            return Verdict.fail(id + " was approved under policy " + gate.policyDigest()
                    + ", but environments[" + current.name() + "] now has policy " + current.digest()
                    + " and the gate's policy is not a tightening of it (the administrator changed the"
                    + " environment since); request approvals again under the current policy");
        }
        return Verdict.pass(id + " is bound to the current policy of " + current.name());
    }

    /** Whether {@code gate} is {@code current} with only tighter counts, approvers, timeout or validity. */
    static boolean isTighteningOf(EffectivePolicy gate, EffectivePolicy current) {
        Environment g = gate.environment();
        Environment c = current.environment();
        if (g.approvalRules().size() != c.approvalRules().size()
                || g.gateTimeout().compareTo(c.gateTimeout()) > 0
                || g.approvalValidity().compareTo(c.approvalValidity()) > 0) {
            return false;
        }
        List<ApprovalRule> loosened = new ArrayList<>();
        for (int i = 0; i < g.approvalRules().size(); i++) {
            ApprovalRule rule = g.approvalRules().get(i);
            int floor = c.approvalRules().get(i).count();
            if (rule.count() < floor) {
                return false;
            }
            loosened.add(rule.withCount(floor));
        }
        Environment undone = g.toBuilder()
                .approvalRules(loosened)
                .gateTimeout(c.gateTimeout())
                .approvalValidity(c.approvalValidity())
                .build();
        return Sha256.same(new EffectivePolicy(undone, Set.of()).digest(), new EffectivePolicy(c, Set.of()).digest());
    }
}
