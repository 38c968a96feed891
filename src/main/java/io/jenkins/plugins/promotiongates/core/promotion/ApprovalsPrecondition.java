package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalEvidence;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Verdict;
import io.jenkins.plugins.promotiongates.core.release.Release;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The approvals precondition: one of this run's approval gates for the target lets the run through, is bound to this
 * digest and to the target's current policy, and its approvals are unexpired. Gates come from the
 * ledger ({@link RecordedApprovals}): a gate whose stored copy the ledger does not confirm is not
 * used, and a gate overruled by a later rejection for the same environment and digest does
 * not let the run through (the latest decision wins; a later approved gate counts again). A rollback may instead
 * use the environment's {@code rollbackApprovals}: none at all when it is 0, or a gate with
 * {@link RollbackPolicy}.
 */
final class ApprovalsPrecondition {

    /** The precondition's result, the approval gate relied on, and whether the rollback fast path was used. */
    record Outcome(PreconditionResult result, Optional<GateSnapshot> gate, boolean fastPath) {}

    private ApprovalsPrecondition() {}

    static Outcome check(
            EffectivePolicy target, List<LedgerGate> gates, Release release, boolean rollback, Instant now) {
        String environment = target.name();
        Integer rollbackApprovals = target.environment().rollbackApprovals();
        if (target.rules().isEmpty()) {
            return new Outcome(
                    PreconditionResult.pass(
                            Precondition.APPROVALS,
                            "environments[" + environment + "].approvalRules is empty: no approvals required"),
                    Optional.empty(),
                    false);
        }
        if (rollback && rollbackApprovals != null && rollbackApprovals == 0) {
            return new Outcome(
                    PreconditionResult.pass(
                            Precondition.APPROVALS,
                            "rollback fast path: environments[" + environment
                                    + "].rollbackApprovals is 0, so a rollback needs no approvals"),
                    Optional.empty(),
                    true);
        }
        Optional<EffectivePolicy> rollbackPolicy = rollback ? RollbackPolicy.of(target) : Optional.empty();
        Verdict last = null;
        List<LedgerGate> candidates = gates.stream()
                .filter(gate -> gate.environment().equals(environment))
                .toList();
        for (int i = candidates.size() - 1; i >= 0; i--) {
            LedgerGate recorded = candidates.get(i);
            if (recorded.snapshot().isEmpty()) {
                Verdict unconfirmed = Verdict.fail("gate '" + recorded.gateId() + "' for " + environment
                        + " is " + recorded.ledgerState() + " in the ledger, and " + recorded.disagreement()
                        + ", so it is not used; the ledger decides: run requireApprovals again and get the approvals");
                last = last == null ? unconfirmed : last;
                continue;
            }
            GateSnapshot gate = recorded.snapshot().get();
            Verdict binding = PolicyBinding.check(gate, target);
            boolean fastPath = false;
            if (!binding.passed() && rollbackPolicy.isPresent()) {
                Verdict asRollback = PolicyBinding.check(gate, rollbackPolicy.get());
                if (asRollback.passed()) {
                    binding = asRollback;
                    fastPath = true;
                }
            }
            Verdict verdict = binding.passed() ? ApprovalEvidence.check(gate, release, now) : binding;
            if (verdict.passed() && recorded.overruledBy().isPresent()) {
                verdict = Verdict.fail("gate '" + gate.gateId() + "' for " + environment
                        + " let the run through, but was overruled later for the same release: "
                        + recorded.overruledBy().get() + "; the latest decision wins: run requireApprovals again"
                        + " and get the approvals");
            }
            if (verdict.passed()) {
                return new Outcome(
                        PreconditionResult.of(Precondition.APPROVALS, fastPathNote(verdict, fastPath)),
                        Optional.of(gate),
                        fastPath);
            }
            last = last == null ? verdict : last;
        }
        if (last != null) {
            return new Outcome(PreconditionResult.of(Precondition.APPROVALS, last), Optional.empty(), false);
        }
        return new Outcome(
                PreconditionResult.fail(
                        Precondition.APPROVALS,
                        "this run has no requireApprovals gate for " + environment + ", whose approvalRules require "
                                + "approvals",
                        "call requireApprovals environment: '" + environment + "', digest: '" + release.digest()
                                + "' (or with the same files, application and version as promoteArtifact) before"
                                + " promoteArtifact"),
                Optional.empty(),
                false);
    }

    private static Verdict fastPathNote(Verdict verdict, boolean fastPath) {
        return fastPath ? Verdict.pass("rollback fast path (rollbackApprovals): " + verdict.message()) : verdict;
    }
}
