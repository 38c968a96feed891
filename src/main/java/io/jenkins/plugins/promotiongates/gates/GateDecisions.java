package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
import io.jenkins.plugins.promotiongates.core.approval.DecisionRefusedException;
import io.jenkins.plugins.promotiongates.core.approval.DecisionRequest;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.runs.RealmIdentity;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;

/**
 * Takes one decision on a gate from the authenticated person and answers it: an accepted decision with
 * the gate's page, a refused one with its status and the engine's reason, as plain text for scripts or
 * in the gate's page for the page's forms. Rejecting and breaking the glass from the page first show a
 * {@link DecisionConfirmation}.
 */
final class GateDecisions {

    private final GatePage page;

    GateDecisions(GatePage page) {
        this.page = page;
    }

    /** @param onPage explain a refusal in the gate's page rather than as plain text */
    HttpResponse answer(
            boolean onPage, DecisionKind kind, @CheckForNull String comment, String artifactDigest, String policyDigest)
            throws IOException, InterruptedException {
        try {
            decide(kind, comment, artifactDigest, policyDigest);
            return HttpResponses.redirectToDot();
        } catch (PlainTextRefusal refusal) {
            if (!onPage) {
                throw refusal;
            }
            return new RefusedDecisionPage(refusal.status(), latest().refused(refusal.getMessage()));
        }
    }

    /** The confirmation page of a rejection or a break-glass; nothing is decided yet. */
    HttpResponse confirm(DecisionKind kind, @CheckForNull String comment, String artifactDigest, String policyDigest) {
        page.getRun().getParent().checkPermission(Item.READ);
        return HttpResponses.forwardToView(
                new DecisionConfirmation(page, kind, comment, artifactDigest, policyDigest), "index.jelly");
    }

    private void decide(DecisionKind kind, @CheckForNull String comment, String artifactDigest, String policyDigest)
            throws IOException, InterruptedException {
        page.getRun().getParent().checkPermission(Item.READ);
        if (kind == DecisionKind.BREAK_GLASS && !Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            throw new PlainTextRefusal(403, Messages.GatePage_BreakGlassNeedsAdminister());
        }
        LiveGate execution = LiveGates.find(page.getRun(), page.getId());
        if (execution == null) {
            throw new PlainTextRefusal(409, Messages.GateDecisions_NotWaiting());
        }
        ArtifactDigest decidedOn;
        try {
            decidedOn = ArtifactDigest.parseIfPresent(artifactDigest, "artifactDigest");
        } catch (IllegalArgumentException e) {
            throw new PlainTextRefusal(400, e.getMessage());
        }
        try {
            execution.decide(new DecisionRequest(
                    RealmIdentity.current(RealmIdentity.ids()), kind, comment, decidedOn, policyDigest));
        } catch (DecisionRefusedException e) {
            throw new PlainTextRefusal(RefusalStatus.of(e.refusal()), e.getMessage());
        } catch (IllegalStateException e) {
            throw new PlainTextRefusal(409, e.getMessage());
        }
    }

    /** The gate as it is now (a refusal may have closed it, as a decision after its deadline does). */
    private GatePage latest() {
        ApprovalsAction action = page.getRun().getAction(ApprovalsAction.class);
        GatePage fresh = action == null ? null : action.getDynamic(page.getId());
        return fresh == null ? page : fresh;
    }
}
