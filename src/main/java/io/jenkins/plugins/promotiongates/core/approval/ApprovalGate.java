package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code requireApprovals} gate: takes decisions from people the glue authenticated, enforces
 * separation of duties, eligibility, comments, expiry and digest binding, and closes as approved,
 * rejected, timed out, cancelled or broken-glass. Thread-safe: decisions are serialized, and every
 * reader sees a consistent {@link GateSnapshot} without waiting.
 */
public final class ApprovalGate {

    private final Clock clock;
    private volatile GateSnapshot current;

    private ApprovalGate(GateSnapshot snapshot, Clock clock) {
        this.current = snapshot;
        this.clock = clock;
    }

    /**
     * Opens a gate.
     *
     * @param gateId unique within the run
     * @param policy the effective policy, from {@code PolicyTightener}
     * @param artifactDigest the digest approvals will be bound to; {@code null} binds them to none
     * @param parties the run's starter and change authors, normalized
     * @throws InvalidPolicyException if the policy has no approval rule
     */
    public static ApprovalGate open(
            String gateId, EffectivePolicy policy, ArtifactDigest artifactDigest, RunParties parties, Clock clock) {
        if (policy.rules().isEmpty()) {
            throw new InvalidPolicyException(
                    "environments[" + policy.name() + "].approvalRules",
                    "is empty, so this environment needs no approvals; remove requireApprovals for it,"
                            + " or ask an administrator to add an approval rule");
        }
        Instant now = clock.instant();
        return new ApprovalGate(
                new GateSnapshot(
                        gateId,
                        policy,
                        policy.digest(),
                        artifactDigest,
                        parties,
                        now,
                        now.plus(policy.environment().gateTimeout()),
                        GateState.WAITING,
                        List.of(),
                        null,
                        "",
                        ""),
                clock);
    }

    /** A gate continuing from a stored snapshot, for example after a controller restart. */
    public static ApprovalGate restore(GateSnapshot snapshot, Clock clock) {
        return new ApprovalGate(snapshot, clock);
    }

    /** The current state as a value, to persist or to show. Never blocks. */
    public GateSnapshot snapshot() {
        return current;
    }

    public GateState state() {
        return current.state();
    }

    /** Progress now: which valid approvals count for which rule. Never blocks. */
    public GateProgress progress() {
        GateSnapshot snapshot = current;
        return GateProgress.of(
                snapshot,
                Quorum.evaluate(snapshot.policy(), snapshot.parties(), snapshot.decisions(), clock.instant()));
    }

    /**
     * Whether {@code who} may decide now and, if not, why, as the gate's page says it first.
     *
     * @param who the authenticated person, or {@code null} when nobody is logged in
     */
    public DecisionAbility ability(Approver who) {
        return DecisionAbility.of(current, who, clock.instant());
    }

    /** Whether {@code who} could approve or reject now (for "gates waiting for me"). */
    public boolean canDecide(Approver who) {
        return ability(who).mayReject();
    }

    /**
     * Whether {@code who} could break the glass now: the gate waits, and its environment allows
     * break-glass and names this person (the glue also requires Overall/Administer). Pages offer the
     * break-glass form only then.
     */
    public boolean canBreakGlass(Approver who) {
        GateSnapshot snapshot = current;
        return !snapshot.state().isClosed()
                && snapshot.policy().environment().breakGlass().permits(who.userId());
    }

    /**
     * Takes one decision of any kind: {@link #approve}, {@link #reject} or {@link #breakGlass}, as
     * {@code request.kind()} says.
     *
     * @throws DecisionRefusedException naming the rule or setting that refuses it; nothing is recorded
     */
    public DecisionResult decide(DecisionRequest request) {
        Approver who = request.who();
        return switch (request.kind()) {
            case APPROVE -> approve(who, request.comment(), request.artifactDigest(), request.policyDigest());
            case REJECT -> reject(who, request.comment(), request.artifactDigest(), request.policyDigest());
            case BREAK_GLASS -> breakGlass(who, request.comment(), request.artifactDigest(), request.policyDigest());
        };
    }

    /**
     * Records an approval. A repeated approval by a person whose earlier approval is still valid is a
     * no-op; when the approvals then meet every rule, the gate closes as {@link GateState#APPROVED}.
     *
     * @throws DecisionRefusedException naming the rule or setting that refuses it; nothing is recorded
     */
    public synchronized DecisionResult approve(
            Approver who, String comment, ArtifactDigest artifactDigest, String policyDigest) {
        Instant now = openAt(artifactDigest, policyDigest);
        GateSnapshot snapshot = current;
        List<Integer> rules = new ArrayList<>(Eligibility.rulesFor(snapshot.policy(), snapshot.parties(), who));
        Quorum before = Quorum.evaluate(snapshot.policy(), snapshot.parties(), snapshot.decisions(), now);
        for (Decision counted : before.counted()) {
            if (counted.userId().equals(who.userId())) {
                return new DecisionResult(counted, false, snapshot.state());
            }
        }
        boolean commented = comment != null && !comment.isBlank();
        if (!commented) {
            List<Integer> needingComment = rules.stream()
                    .filter(i -> snapshot.policy().rules().get(i).commentRequired())
                    .toList();
            rules.removeAll(needingComment);
            if (rules.isEmpty()) {
                int first = needingComment.get(0);
                throw new DecisionRefusedException(
                        Refusal.COMMENT_REQUIRED,
                        "Rule '"
                                + snapshot.policy().rules().get(first).name() + "' (environments["
                                + snapshot.policy().name()
                                + "].approvalRules[" + first
                                + "].commentRequired) requires a comment with an approval; add one");
            }
        }
        Decision decision = new Decision(
                who.userId(),
                DecisionKind.APPROVE,
                now,
                commented ? comment.trim() : "",
                artifactDigest,
                policyDigest,
                rules);
        GateSnapshot next = snapshot.with(decision);
        if (Quorum.evaluate(next.policy(), next.parties(), next.decisions(), now)
                .met()) {
            next = next.close(GateState.APPROVED, now, who.userId(), "every approval rule is met");
        }
        current = next;
        return new DecisionResult(decision, true, next.state());
    }

    /**
     * Records a veto by an eligible person: the gate closes as {@link GateState#REJECTED}.
     *
     * @throws DecisionRefusedException naming the rule or setting that refuses it; a comment is mandatory
     */
    public synchronized DecisionResult reject(
            Approver who, String comment, ArtifactDigest artifactDigest, String policyDigest) {
        Instant now = openAt(artifactDigest, policyDigest);
        GateSnapshot snapshot = current;
        List<Integer> rules = Eligibility.rulesFor(snapshot.policy(), snapshot.parties(), who);
        if (comment == null || comment.isBlank()) {
            throw new DecisionRefusedException(
                    Refusal.COMMENT_REQUIRED, "A rejection is a veto and needs a comment saying why; add one");
        }
        Decision decision = new Decision(
                who.userId(), DecisionKind.REJECT, now, comment.trim(), artifactDigest, policyDigest, rules);
        current = snapshot.with(decision).close(GateState.REJECTED, now, who.userId(), "rejected by " + who.userId());
        return new DecisionResult(decision, true, GateState.REJECTED);
    }

    /**
     * Forces the gate open: only where the environment allows break-glass, only for users it names
     * (the glue also checks Overall/Administer), only with a justification.
     *
     * @throws DecisionRefusedException naming the break-glass setting that refuses it
     */
    public synchronized DecisionResult breakGlass(
            Approver who, String justification, ArtifactDigest artifactDigest, String policyDigest) {
        Instant now = openAt(artifactDigest, policyDigest);
        GateSnapshot snapshot = current;
        String setting = "environments[" + snapshot.policy().name() + "].breakGlass";
        if (!snapshot.policy().environment().breakGlass().allowed()) {
            throw new DecisionRefusedException(
                    Refusal.BREAK_GLASS_NOT_ALLOWED,
                    setting + ".allowed is off: approvals cannot be bypassed in this environment");
        }
        if (!snapshot.policy().environment().breakGlass().permits(who.userId())) {
            throw new DecisionRefusedException(
                    Refusal.BREAK_GLASS_NOT_NAMED,
                    "User '" + who.userId() + "' is not named in " + setting + ".users, so may not break the glass");
        }
        if (justification == null || justification.isBlank()) {
            throw new DecisionRefusedException(
                    Refusal.COMMENT_REQUIRED,
                    "Breaking the glass needs a justification saying why approvals are bypassed; add one");
        }
        Decision decision = new Decision(
                who.userId(),
                DecisionKind.BREAK_GLASS,
                now,
                justification.trim(),
                artifactDigest,
                policyDigest,
                List.of());
        current = snapshot.with(decision)
                .close(
                        GateState.BROKEN_GLASS,
                        now,
                        who.userId(),
                        "glass broken by " + who.userId() + ": " + justification.trim());
        return new DecisionResult(decision, true, GateState.BROKEN_GLASS);
    }

    /**
     * Closes the gate as {@link GateState#CANCELLED} (the run was stopped).
     *
     * @param actor who stopped the run, or empty
     * @return whether this call closed the gate (false if it was already closed)
     */
    public synchronized boolean cancel(String actor, String reason) {
        expireIfDue();
        if (current.state().isClosed()) {
            return false;
        }
        current = current.close(GateState.CANCELLED, clock.instant(), actor, reason);
        return true;
    }

    /**
     * Closes the gate as {@link GateState#TIMED_OUT} if its deadline has passed. The glue calls it
     * from a timer; every decision calls it first.
     *
     * @return whether this call closed the gate
     */
    public synchronized boolean expireIfDue() {
        Instant now = clock.instant();
        if (current.state().isClosed() || now.isBefore(current.deadline())) {
            return false;
        }
        current = current.close(
                GateState.TIMED_OUT,
                now,
                "",
                "no decision before the gate timeout " + DisplayTime.of(current.deadline()));
        return true;
    }

    /** Checks the gate still waits and the decision is for this artifact and policy; returns now. */
    private Instant openAt(ArtifactDigest artifactDigest, String policyDigest) {
        expireIfDue();
        GateSnapshot snapshot = current;
        if (snapshot.state().isClosed()) {
            throw new DecisionRefusedException(
                    Refusal.CLOSED,
                    "This gate is already " + snapshot.state() + " (" + snapshot.closeReason() + ") since "
                            + snapshot.closedAt() + "; no decision can change it");
        }
        if (!ArtifactDigest.same(snapshot.artifactDigest(), artifactDigest)) {
            throw new DecisionRefusedException(
                    Refusal.WRONG_ARTIFACT,
                    "This gate is bound to artifact digest '"
                            + ArtifactDigest.text(snapshot.artifactDigest()) + "', not '"
                            + ArtifactDigest.text(artifactDigest) + "'"
                            + "; reload the gate and decide on the artifact it shows");
        }
        if (!Sha256.same(snapshot.policyDigest(), policyDigest)) {
            throw new DecisionRefusedException(
                    Refusal.WRONG_POLICY,
                    "This gate enforces policy digest " + snapshot.policyDigest() + ", not " + policyDigest
                            + "; reload the gate and review its policy");
        }
        return clock.instant();
    }
}
