package io.jenkins.plugins.promotiongates.approvals;

import hudson.console.HyperlinkNote;
import hudson.model.Run;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;

/** Where a gate is decided, and who stopped a run. */
final class GateLinks {

    private GateLinks() {}

    /** The gate's page, relative to the Jenkins root URL: {@code job/app/42/approvals/deploy/}. */
    static String url(Run<?, ?> run, String gateId) {
        return run.getUrl() + ApprovalsAction.URL_NAME + "/" + gateId + "/";
    }

    /** Console links to the gate and to the page of every gate the reader may decide. */
    static String consoleLink(Run<?, ?> run, String gateId) {
        return HyperlinkNote.encodeTo("/" + url(run, gateId), Messages.GateLinks_Decide()) + " "
                + HyperlinkNote.encodeTo("/" + PendingApprovals.URL_NAME + "/", Messages.GateLinks_Pending());
    }

    /** The user who stopped the run, or empty when no user did. */
    static String stoppedBy(Throwable cause) {
        if (cause instanceof FlowInterruptedException interruption) {
            for (CauseOfInterruption why : interruption.getCauses()) {
                if (why instanceof CauseOfInterruption.UserInterruption user) {
                    return user.getUserId();
                }
            }
        }
        return "";
    }
}
