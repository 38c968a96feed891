package io.jenkins.plugins.promotiongates.core.policy;

import io.jenkins.plugins.promotiongates.core.time.Countdown;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An environment's effective policy in plain sentences: all of it as the administrator's preview shows it
 * beside the policy digest ({@link #of}), and its approval part as a gate's page shows it to approvers
 * ({@link #approvals}): where releases come from, the approvals, separation of duties, validity and timeout,
 * the signature, branches, change windows and freezes, soak time, repository, rollbacks and break-glass.
 * The canonical JSON and its digest stay what gates and audit events are bound to; these sentences say
 * the same in words.
 */
public final class PolicyInWords {

    private PolicyInWords() {}

    /** One sentence per line, in the order of the settings. */
    public static List<String> of(EffectivePolicy policy) {
        Environment e = policy.environment();
        List<String> lines = new ArrayList<>();
        lines.add(
                e.promotedFrom().isEmpty()
                        ? "An entry point: releases enter it from no other environment."
                        : "Releases enter it from " + list(e.promotedFrom(), "or") + " only.");
        if (e.approvalRules().isEmpty()) {
            lines.add("No approvals are needed.");
        } else {
            lines.addAll(approvals(policy));
        }
        lines.add("Signature: "
                + (e.signature() == null
                        ? "none needed."
                        : "one of the trusted keys " + list(e.signature().trustedKeys(), "or") + " must sign each file"
                                + " (RSA keys of at least " + e.signature().minimumRsaBits() + " bits, hash "
                                + e.signature().minimumHash().label() + " or stronger)."));
        lines.add(
                e.allowedBranches().isEmpty()
                        ? "Any branch may promote here."
                        : "Only branches matching " + list(e.allowedBranches(), "or") + " may promote here.");
        lines.add(
                e.changeWindows().isEmpty()
                        ? "No change windows: promotions may enter at any time outside freezes."
                        : "Promotions may enter only inside the change windows " + e.changeWindows() + ", time zone "
                                + e.timeZone().getId() + ".");
        for (Freeze freeze : e.freezes()) {
            lines.add("Frozen from " + DisplayTime.of(freeze.from()) + " to " + DisplayTime.of(freeze.to())
                    + (freeze.reason().isEmpty() ? "." : ": " + freeze.reason() + "."));
        }
        lines.add(
                e.evidence().isEmpty()
                        ? "No evidence is required."
                        : "Evidence required: "
                                + list(
                                        e.evidence().stream()
                                                .map(EvidenceRequirement::label)
                                                .toList(),
                                        "and")
                                + ".");
        lines.add(
                e.soakTime().isZero()
                        ? "No soak time."
                        : "A release must have spent " + DurationText.format(e.soakTime())
                                + " in the environment it comes from before it may enter.");
        lines.add(
                e.repository().isEmpty() || e.repository().startsWith("record-only:")
                        ? "Promotions are recorded only: no repository is written."
                        : "Promotions publish to " + e.repository() + ".");
        lines.add(
                e.rollbackApprovals() == null
                        ? "A rollback needs the same approvals as any promotion."
                        : "A rollback (a release it held before) needs " + e.rollbackApprovals()
                                + " approval(s) from anyone eligible under any rule.");
        if (e.approvalRules().isEmpty()) {
            lines.add(breakGlass(e));
        }
        return List.copyOf(lines);
    }

    /**
     * What a gate's page says of its policy to approvers: the rules with their counts and who is eligible, how
     * the pipeline narrowed them, separation of duties, how long an approval counts, how long the gate waits,
     * and break-glass.
     */
    public static List<String> approvals(EffectivePolicy policy) {
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
            sentences.add("This pipeline narrowed who may decide to " + list(policy.approvers(), "and") + ".");
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
        sentences.add(breakGlass(environment));
        return List.copyOf(sentences);
    }

    private static String breakGlass(Environment environment) {
        return environment.breakGlass().allowed()
                ? "Break-glass is allowed for " + list(environment.breakGlass().users(), "and")
                        + " (administrators only), with a justification that is recorded and shown everywhere."
                : "Break-glass is not allowed: nobody can bypass these approvals.";
    }

    private static String rule(String label, ApprovalRule rule) {
        String who;
        if (rule.users().isEmpty() && rule.groups().isEmpty()) {
            who = "nobody (the rule names no user or group)";
        } else if (rule.groups().isEmpty()) {
            who = list(rule.users(), "and");
        } else if (rule.users().isEmpty()) {
            who = "members of " + groups(rule.groups());
        } else {
            who = list(rule.users(), "and") + " or members of " + groups(rule.groups());
        }
        return label + ": " + rule.count() + (rule.count() == 1 ? " approval" : " approvals from different people")
                + " from " + who + (rule.commentRequired() ? ", each with a comment." : ".");
    }

    private static String groups(Collection<String> groups) {
        return (groups.size() == 1 ? "group " : "groups ") + list(groups, "and");
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    private static String list(Collection<String> names, String conjunction) {
        List<String> all = List.copyOf(names);
        if (all.size() <= 1) {
            return all.isEmpty() ? "nobody" : all.get(0);
        }
        return String.join(", ", all.subList(0, all.size() - 1)) + " " + conjunction + " " + all.get(all.size() - 1);
    }
}
