package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.DecisionAbility;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
import io.jenkins.plugins.promotiongates.core.approval.GateProgress;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.core.policy.PolicyInWords;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionAfterGate;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.core.time.Countdown;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import io.jenkins.plugins.promotiongates.runs.RealmIdentity;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * One gate as its page and the REST API show it ({@code .../approvals/<id>/}), and its POST-only
 * endpoints. The person deciding is the authenticated user; the engine decides whether they may, and the
 * page says so first. {@link GateDecisions} takes the decisions.
 */
@ExportedBean(defaultVisibility = 2)
public final class GatePage {

    private final Run<?, ?> run;
    private final GateSnapshot gate;
    private final String message;
    private final ApprovalSubject subject;
    private final String refusal;
    private DecisionAbility ability;

    /** @param subject what the approvals are bound to, or {@code null} when to nothing (or not recorded) */
    GatePage(Run<?, ?> run, GateSnapshot gate, String message, @CheckForNull ApprovalSubject subject) {
        this(run, gate, message, subject, "");
    }

    private GatePage(
            Run<?, ?> run, GateSnapshot gate, String message, @CheckForNull ApprovalSubject subject, String refusal) {
        this.run = run;
        this.gate = gate;
        this.message = message;
        this.subject = subject;
        this.refusal = refusal;
    }

    /** This page showing, above everything, why a decision was refused. */
    GatePage refused(String reason) {
        return new GatePage(run, gate, message, subject, reason);
    }

    GateSnapshot snapshot() {
        return gate;
    }

    @CheckForNull
    ApprovalSubject subject() {
        return subject;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** {@code .../approvals/GATE/api/json}: this gate's exported state (Stapler serves {@code api} only through this getter). */
    public Api getApi() {
        run.getParent().checkPermission(Item.READ);
        return new Api(this);
    }

    @Exported
    public String getId() {
        return gate.gateId();
    }

    @Exported
    public String getEnvironment() {
        return gate.policy().name();
    }

    @Exported
    public String getMessage() {
        return message;
    }

    @Exported
    public String getState() {
        return gate.state().name();
    }

    public boolean isWaiting() {
        return gate.state() == GateState.WAITING;
    }

    public boolean isBrokenGlass() {
        return gate.state() == GateState.BROKEN_GLASS;
    }

    /** Why the decision just submitted was refused; empty on a page that answers no refusal. */
    public String getRefusal() {
        return refusal;
    }

    private ApprovalGate live() {
        return ApprovalGate.restore(gate, Clock.systemUTC());
    }

    /** The engine's word on the person in front of the page, computed once per page. */
    DecisionAbility ability() {
        if (ability == null) {
            ability = live().ability(RealmIdentity.currentOrNobody(RealmIdentity.ids()));
        }
        return ability;
    }

    /** The page's first line: whether you may decide and, if not, why. */
    public String getYourTurn() {
        return ability().explanation();
    }

    /** Whether the form offers Approve: the engine would count your approval. */
    public boolean isApproveOffered() {
        return ability().mayApprove();
    }

    /** Whether the form is shown at all: the engine would accept your rejection (a veto), given a comment. */
    public boolean isDecisionOffered() {
        return ability().mayReject();
    }

    /**
     * Whether the page offers the break-glass form: only to a user with Overall/Administer whom the
     * engine would let break this gate's glass (the gate waits, and its environment allows break-glass
     * and names the user). Everyone else would only be refused.
     */
    public boolean isBreakGlassOffered() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                && live().canBreakGlass(RealmIdentity.current(RealmIdentity.ids()));
    }

    /** The effective policy in plain sentences (the engine's {@link PolicyInWords#approvals}). */
    public List<String> getPolicyInWords() {
        return PolicyInWords.approvals(gate.policy());
    }

    /**
     * The evidence the environment requires of the release, one line per kind with its verdict and remedy,
     * as it stood when the gate opened ({@code promoteArtifact} decides again); empty when none is required.
     */
    @Exported
    public List<String> getRequiredEvidence() {
        ApprovalsAction action = run.getAction(ApprovalsAction.class);
        return action == null ? List.of() : action.evidence(gate.gateId());
    }

    /**
     * For a gate that let the run through: what the run's {@code promoteArtifact} into the gate's environment
     * did after it closed, from the run's audit chain; empty for a gate that waits or stopped the run.
     */
    public String getAftermath() throws IOException {
        if (!gate.state().letsThrough() || gate.closedAt() == null) {
            return "";
        }
        return PromotionAfterGate.of(RunAudit.chain(run).events(), gate.policy().name(), gate.closedAt());
    }

    /** The deadline from now: {@code closes in 3 h 12 min}. */
    public String getCountdown() {
        return Countdown.closesIn(Clock.systemUTC().instant(), gate.deadline());
    }

    /** The gate's page, relative to the root URL. */
    @Exported
    public String getUrl() {
        return GateLinks.url(run, gate.gateId());
    }

    /** Progress now, such as {@code 1 of 2}, with each rule's line. */
    @Exported(inline = true)
    public EvidenceView getEvidence() {
        GateProgress progress = live().progress();
        return new EvidenceView(gate, progress, run);
    }

    /**
     * The application, version and files the approvals are bound to; {@code null} when the gate is bound
     * to nothing, or was opened before gates recorded it.
     */
    @Exported(inline = true)
    public @CheckForNull ApprovalSubjectView getRelease() {
        return subject == null ? null : new ApprovalSubjectView(subject);
    }

    /** The run's branch and starters, the changes the environment has not received, what it holds now. */
    @Exported(inline = true)
    public ReleaseContextView getContext() throws IOException {
        return new ReleaseContextView(run, gate, subject);
    }

    @Exported(inline = true)
    public List<DecisionView> getDecisions() {
        return gate.decisions().stream().map(DecisionView::new).toList();
    }

    @Exported
    public String getCloseReason() {
        return gate.closeReason();
    }

    @Exported
    public String getClosedBy() {
        return gate.closedBy();
    }

    /**
     * The page's form: Approve decides at once; Reject shows a confirmation first. A refusal is explained
     * in the page.
     */
    @RequirePOST
    public HttpResponse doDecide(
            @QueryParameter String approve,
            @QueryParameter String comment,
            @QueryParameter String artifactDigest,
            @QueryParameter String policyDigest)
            throws IOException, InterruptedException {
        GateDecisions decisions = new GateDecisions(this);
        if (approve == null) {
            return decisions.confirm(DecisionKind.REJECT, comment, artifactDigest, policyDigest);
        }
        return decisions.answer(true, DecisionKind.APPROVE, comment, artifactDigest, policyDigest);
    }

    /** The break-glass form: shows a confirmation first. */
    @RequirePOST
    public HttpResponse doConfirmBreakGlass(
            @QueryParameter String justification,
            @QueryParameter String artifactDigest,
            @QueryParameter String policyDigest)
            throws IOException, InterruptedException {
        return new GateDecisions(this).confirm(DecisionKind.BREAK_GLASS, justification, artifactDigest, policyDigest);
    }

    /** @param onPage answer a refusal with this page explaining it (forms), else as plain text (REST) */
    @RequirePOST
    public HttpResponse doApprove(
            @QueryParameter String comment,
            @QueryParameter String artifactDigest,
            @QueryParameter String policyDigest,
            @QueryParameter boolean onPage)
            throws IOException, InterruptedException {
        return new GateDecisions(this).answer(onPage, DecisionKind.APPROVE, comment, artifactDigest, policyDigest);
    }

    /** @param onPage answer a refusal with this page explaining it (forms), else as plain text (REST) */
    @RequirePOST
    public HttpResponse doReject(
            @QueryParameter String comment,
            @QueryParameter String artifactDigest,
            @QueryParameter String policyDigest,
            @QueryParameter boolean onPage)
            throws IOException, InterruptedException {
        return new GateDecisions(this).answer(onPage, DecisionKind.REJECT, comment, artifactDigest, policyDigest);
    }

    /** Only users the environment names for break-glass who also hold Overall/Administer. */
    @RequirePOST
    public HttpResponse doBreakGlass(
            @QueryParameter String justification,
            @QueryParameter String artifactDigest,
            @QueryParameter String policyDigest,
            @QueryParameter boolean onPage)
            throws IOException, InterruptedException {
        return new GateDecisions(this)
                .answer(onPage, DecisionKind.BREAK_GLASS, justification, artifactDigest, policyDigest);
    }
}
