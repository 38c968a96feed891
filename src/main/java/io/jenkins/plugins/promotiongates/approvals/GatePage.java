package io.jenkins.plugins.promotiongates.approvals;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
import io.jenkins.plugins.promotiongates.core.approval.DecisionRefusedException;
import io.jenkins.plugins.promotiongates.core.approval.GateProgress;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * One gate as its page and the REST API show it ({@code .../approvals/<id>/}), and its POST-only
 * endpoints. The person deciding is the authenticated user; the engine decides whether they may.
 */
@ExportedBean(defaultVisibility = 2)
public final class GatePage {

    private final Run<?, ?> run;
    private final GateSnapshot gate;
    private final String message;
    private final ApprovalSubject subject;

    /** @param subject what the approvals are bound to, or {@code null} when to nothing (or not recorded) */
    GatePage(Run<?, ?> run, GateSnapshot gate, String message, @CheckForNull ApprovalSubject subject) {
        this.run = run;
        this.gate = gate;
        this.message = message;
        this.subject = subject;
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

    /**
     * Whether the page offers the break-glass form: only to a user with Overall/Administer whom the
     * engine would let break this gate's glass (the gate waits, and its environment allows break-glass
     * and names the user). Everyone else would only be refused.
     */
    public boolean isBreakGlassOffered() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                && ApprovalGate.restore(gate, Clock.systemUTC())
                        .canBreakGlass(RealmIdentity.current(RealmIdentity.ids()));
    }

    /** The gate's page, relative to the root URL. */
    @Exported
    public String getUrl() {
        return GateLinks.url(run, gate.gateId());
    }

    /** Progress now, such as {@code 1 of 2}, with each rule's line. */
    @Exported(inline = true)
    public EvidenceView getEvidence() {
        GateProgress progress = ApprovalGate.restore(gate, Clock.systemUTC()).progress();
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

    @RequirePOST
    public HttpResponse doApprove(
            @QueryParameter String comment, @QueryParameter String artifactDigest, @QueryParameter String policyDigest)
            throws IOException, InterruptedException {
        return decide(DecisionKind.APPROVE, comment, artifactDigest, policyDigest);
    }

    @RequirePOST
    public HttpResponse doReject(
            @QueryParameter String comment, @QueryParameter String artifactDigest, @QueryParameter String policyDigest)
            throws IOException, InterruptedException {
        return decide(DecisionKind.REJECT, comment, artifactDigest, policyDigest);
    }

    /** Only users the environment names for break-glass who also hold Overall/Administer. */
    @RequirePOST
    public HttpResponse doBreakGlass(
            @QueryParameter String justification,
            @QueryParameter String artifactDigest,
            @QueryParameter String policyDigest)
            throws IOException, InterruptedException {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            throw new PlainTextRefusal(403, Messages.GatePage_BreakGlassNeedsAdminister());
        }
        return decide(DecisionKind.BREAK_GLASS, justification, artifactDigest, policyDigest);
    }

    private HttpResponse decide(
            DecisionKind kind, @CheckForNull String comment, String artifactDigest, String policyDigest)
            throws IOException, InterruptedException {
        run.getParent().checkPermission(Item.READ);
        RequireApprovalsExecution execution = LiveGates.find(run, gate.gateId());
        if (execution == null) {
            throw new PlainTextRefusal(409, Messages.RequireApprovalsExecution_NotWaiting());
        }
        ArtifactDigest decidedOn;
        try {
            decidedOn = ArtifactDigest.parseIfPresent(artifactDigest, "artifactDigest");
        } catch (IllegalArgumentException e) {
            throw new PlainTextRefusal(400, e.getMessage());
        }
        try {
            execution.decide(kind, RealmIdentity.current(RealmIdentity.ids()), comment, decidedOn, policyDigest);
        } catch (DecisionRefusedException e) {
            throw new PlainTextRefusal(RefusalStatus.of(e.refusal()), e.getMessage());
        } catch (IllegalStateException e) {
            throw new PlainTextRefusal(409, e.getMessage());
        }
        return HttpResponses.redirectToDot();
    }
}
