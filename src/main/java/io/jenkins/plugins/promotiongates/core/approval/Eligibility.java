package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may decide at a gate: separation of duties first (the run's starters and change authors are
 * excluded when the policy says so), then the rules' eligibility, narrowed by the step's approvers.
 */
final class Eligibility {

    private Eligibility() {}

    /** The refusal that excludes {@code userId} by separation of duties, if any. */
    static Optional<DecisionRefusedException> exclusion(EffectivePolicy policy, RunParties parties, String userId) {
        String setting = "environments[" + policy.name() + "].";
        if (policy.environment().starterMayNotApprove() && parties.isStarter(userId)) {
            return Optional.of(new DecisionRefusedException(
                    Refusal.STARTER_EXCLUDED,
                    "User '" + userId
                            + "' started this run or a run upstream of it that triggered it (build job:),"
                            + " and " + setting
                            + "starterMayNotApprove forbids the run's starters to decide"
                            + " on its gates; ask another eligible approver"));
        }
        if (policy.environment().changeAuthorsMayNotApprove()
                && parties.changeAuthors().contains(userId)) {
            return Optional.of(new DecisionRefusedException(
                    Refusal.CHANGE_AUTHOR_EXCLUDED,
                    "User '" + userId
                            + "' authored changes that the environment has not received yet (in this run or an"
                            + " earlier build of its job since the last promotion there), and " + setting
                            + "changeAuthorsMayNotApprove forbids their authors to decide on its gates;"
                            + " ask another eligible approver"));
        }
        return Optional.empty();
    }

    /**
     * The rules {@code who} may approve for.
     *
     * @throws DecisionRefusedException naming the setting that excludes the person
     */
    static List<Integer> rulesFor(EffectivePolicy policy, RunParties parties, Approver who) {
        Optional<DecisionRefusedException> excluded = exclusion(policy, parties, who.userId());
        if (excluded.isPresent()) {
            throw excluded.get();
        }
        List<Integer> rules = policy.eligibleRules(who.userId(), who.groups());
        if (!rules.isEmpty()) {
            return rules;
        }
        String setting = "environments[" + policy.name() + "].approvalRules";
        boolean eligibleWithoutStepNarrowing =
                policy.rules().stream().anyMatch(rule -> rule.isEligible(who.userId(), who.groups()));
        if (eligibleWithoutStepNarrowing) {
            throw new DecisionRefusedException(
                    Refusal.NOT_ELIGIBLE,
                    "User '" + who.userId() + "' is eligible under " + setting
                            + ", but this step's approvers argument names only " + policy.approvers());
        }
        throw new DecisionRefusedException(
                Refusal.NOT_ELIGIBLE,
                "User '" + who.userId()
                        + "' is not eligible under " + setting + ": " + describe(policy.rules())
                        + "; ask an administrator to add you, or ask an eligible approver");
    }

    private static String describe(List<ApprovalRule> rules) {
        List<String> parts = new ArrayList<>();
        for (ApprovalRule rule : rules) {
            parts.add("'" + rule.name() + "' needs users " + rule.users() + " or groups " + rule.groups());
        }
        return String.join("; ", parts);
    }
}
