package io.jenkins.plugins.promotiongates;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.gates.ApprovalsAction;
import io.jenkins.plugins.promotiongates.ledger.PromotionAuditAction;
import io.jenkins.plugins.promotiongates.steps.GateClosedInterruption;
import java.util.Map;

/**
 * The persisted classes that moved when the glue packages were named apart from the engine's
 * ({@code approvals} became {@code gates} and {@code steps}, {@code audit} became {@code ledger}): their
 * former names, as earlier versions wrote them in each run's {@code build.xml}, and the class that reads
 * each now. Registered as read-only compatibility aliases before plugins start, so that runs stored by
 * an earlier version load as they were; saving writes the new names. docs/upgrading.md says what else
 * the move means for a controller being upgraded.
 */
public final class FormerClassNames {

    private FormerClassNames() {}

    /** Former name to the class, for what a run stores in {@code build.xml} ({@code Run.XSTREAM2}). */
    public static final Map<String, Class<?>> IN_BUILD_XML = Map.of(
            // the run's Approvals action: every gate's snapshot, messages, subjects and evidence
            "io.jenkins.plugins.promotiongates.approvals.ApprovalsAction", ApprovalsAction.class,
            // the run's Promotion audit action (no stored fields, but listed among the run's actions)
            "io.jenkins.plugins.promotiongates.audit.PromotionAuditAction", PromotionAuditAction.class,
            // why a rejected or timed-out gate stopped the run, kept in the run's InterruptedBuildAction
            "io.jenkins.plugins.promotiongates.approvals.GateClosedInterruption", GateClosedInterruption.class);

    /** Registers every former name with the XStream that reads runs. */
    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void registerAliases() {
        IN_BUILD_XML.forEach(Run.XSTREAM2::addCompatibilityAlias);
    }
}
