package io.jenkins.plugins.promotiongates.core.policy;

import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An environment's effective policy in plain sentences, as the administrator's preview shows it beside
 * the policy digest: where releases come from, the approvals, separation of duties, validity and timeout,
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
        approvals(e, lines);
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
        lines.add(
                e.breakGlass().allowed()
                        ? "Break-glass is allowed for " + list(e.breakGlass().users(), "and")
                                + " (each must also be an administrator), with a justification that is recorded."
                        : "Break-glass is not allowed: nobody can bypass the approvals.");
        return List.copyOf(lines);
    }

    private static void approvals(Environment e, List<String> lines) {
        if (e.approvalRules().isEmpty()) {
            lines.add("No approvals are needed.");
            return;
        }
        for (int i = 0; i < e.approvalRules().size(); i++) {
            ApprovalRule rule = e.approvalRules().get(i);
            String who = rule.groups().isEmpty()
                    ? list(rule.users(), "or")
                    : rule.users().isEmpty()
                            ? "members of " + list(rule.groups(), "or")
                            : list(rule.users(), "or") + " or members of " + list(rule.groups(), "or");
            lines.add("Approval rule " + e.ruleLabel(i) + ": " + rule.count() + " of " + who
                    + (rule.commentRequired() ? ", each with a comment." : "."));
        }
        List<String> duties = new ArrayList<>();
        if (e.starterMayNotApprove()) {
            duties.add("whoever started the run");
        }
        if (e.changeAuthorsMayNotApprove()) {
            duties.add("authors of changes the environment has not received");
        }
        if (!duties.isEmpty()) {
            lines.add("May not approve: " + String.join("; ", duties) + ".");
        }
        if (e.onePersonOneRule() && e.approvalRules().size() > 1) {
            lines.add("One person counts for one rule only.");
        }
        lines.add("An approval counts for " + DurationText.format(e.approvalValidity()) + "; a gate waits at most "
                + DurationText.format(e.gateTimeout()) + ".");
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
