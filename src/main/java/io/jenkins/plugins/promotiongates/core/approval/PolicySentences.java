package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.time.Countdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A gate's effective policy in plain sentences, as its page shows it to approvers: the rules with their
 * counts and who is eligible, how the pipeline narrowed them, separation of duties, how long an approval
 * counts, how long the gate waits, and break-glass. The canonical JSON and its digest stay what approvals
 * are bound to; these sentences only say the same in words.
 */
public final class PolicySentences {

    private PolicySentences() {}

    /** One sentence per line, in the order the page shows them. */
    public static List<String> of(EffectivePolicy policy) {
        Environment environment = policy.environment();
        List<String> sentences = new ArrayList<>();
        int rules = policy.rules().size();
        sentences.add(
                rules == 1
                        ? "One approval rule must be met:"
                        : "All " + rules + " approval rules must be met, each by its own people:");
        for (int i = 0; i < rules; i++) {
            sentences.add(rule(environment.ruleLabel(i), policy.rules().get(i)));
        }
        if (!policy.approvers().isEmpty()) {
            sentences.add("This pipeline narrowed who may decide to " + names(policy.approvers()) + ".");
        }
        if (environment.starterMayNotApprove()) {
            sentences.add("Whoever started the run, or a run upstream of it, may not decide.");
        }
        if (environment.changeAuthorsMayNotApprove()) {
            sentences.add("Authors of changes that " + policy.name() + " has not received yet may not decide.");
        }
        if (environment.onePersonOneRule() && rules > 1) {
            sentences.add("One person counts for one rule only.");
        }
        sentences.add("A rejection by anyone who may decide ends the gate at once; it needs a comment.");
        sentences.add("An approval counts for " + Countdown.words(environment.approvalValidity())
                + " after it is given; after that the person must approve again.");
        sentences.add("The gate waits at most " + Countdown.words(environment.gateTimeout())
                + " for decisions, then times out and stops the run.");
        sentences.add(
                environment.breakGlass().allowed()
                        ? "Break-glass is allowed for "
                                + names(environment.breakGlass().users())
                                + " (administrators only), with a justification that is recorded and shown everywhere."
                        : "Break-glass is not allowed: nobody can bypass these approvals.");
        return List.copyOf(sentences);
    }

    private static String rule(String label, ApprovalRule rule) {
        String who;
        if (rule.users().isEmpty() && rule.groups().isEmpty()) {
            who = "nobody (the rule names no user or group)";
        } else if (rule.groups().isEmpty()) {
            who = names(rule.users());
        } else if (rule.users().isEmpty()) {
            who = "members of " + groups(rule.groups());
        } else {
            who = names(rule.users()) + " or members of " + groups(rule.groups());
        }
        return label + ": " + rule.count() + (rule.count() == 1 ? " approval" : " approvals from different people")
                + " from " + who + (rule.commentRequired() ? ", each with a comment." : ".");
    }

    private static String groups(Set<String> groups) {
        return (groups.size() == 1 ? "group " : "groups ") + names(groups);
    }

    /** {@code alice}, {@code alice and bob}, {@code alice, bob and carol}. */
    private static String names(Set<String> names) {
        List<String> list = List.copyOf(names);
        if (list.isEmpty()) {
            return "nobody";
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }
}
