package io.jenkins.plugins.promotiongates.gates;

import hudson.console.HyperlinkNote;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.GateOutcome;
import java.util.function.BinaryOperator;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;

/** Where a gate is decided, and who stopped a run. */
public final class GateLinks {

    private GateLinks() {}

    /** Separates the console links, which a console shows as plain text run together. */
    static final String SEPARATOR = " | ";

    /** The gate's page, relative to the Jenkins root URL: {@code job/app/42/approvals/deploy/}. */
    public static String url(Run<?, ?> run, String gateId) {
        return url(run.getUrl(), gateId);
    }

    static String url(String runUrl, String gateId) {
        return runUrl + ApprovalsAction.URL_NAME + "/" + gateId + "/";
    }

    /**
     * The console line under the gate's waiting line: a link to the gate and a link to the page of every
     * gate the reader may decide, separated.
     */
    public static String consoleLinks(Run<?, ?> run, String gateId) {
        return consoleLinks(run.getUrl(), gateId, HyperlinkNote::encodeTo);
    }

    /** As {@link #consoleLinks(Run, String)}, each link written by {@code link} (url, text). */
    static String consoleLinks(String runUrl, String gateId, BinaryOperator<String> link) {
        return GateOutcome.PREFIX
                + link.apply("/" + url(runUrl, gateId), Messages.GateLinks_Decide())
                + SEPARATOR
                + link.apply("/" + PendingApprovals.URL_NAME + "/", Messages.GateLinks_Pending());
    }

    /** The user who stopped the run, or empty when no user did. */
    public static String stoppedBy(Throwable cause) {
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
