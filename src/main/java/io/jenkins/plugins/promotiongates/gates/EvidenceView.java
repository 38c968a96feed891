package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import io.jenkins.plugins.promotiongates.core.approval.GateProgress;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.signature.SignatureEvidence;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.scm.RunWithSCM;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** What an approver decides on: progress, the digests, the policy, the changes and the signature. */
@ExportedBean(defaultVisibility = 2)
public final class EvidenceView {

    private final GateSnapshot gate;
    private final GateProgress progress;
    private final Run<?, ?> run;

    EvidenceView(GateSnapshot gate, GateProgress progress, Run<?, ?> run) {
        this.gate = gate;
        this.progress = progress;
        this.run = run;
    }

    /** {@code 1 of 2}: approvals that count now over approvals needed. */
    @Exported
    public String getProgress() {
        return progress.summary();
    }

    /** One line per rule: {@code leads: 1 of 2 (alice)}. */
    @Exported
    public List<String> getRules() {
        List<String> lines = new ArrayList<>();
        for (GateProgress.RuleProgress rule : progress.rules()) {
            lines.add(rule.name() + ": " + rule.summary()
                    + (rule.approvers().isEmpty() ? "" : " (" + String.join(", ", rule.approvers()) + ")"));
        }
        return lines;
    }

    @Exported
    public int getExpiredApprovals() {
        return progress.expired().size();
    }

    /** When the gate times out, for {@code api/json}: ISO-8601 with the clock's full precision. */
    @Exported
    public String getDeadline() {
        return gate.deadline().toString();
    }

    /** When the gate times out, as pages show times: to the second. */
    public String getDisplayDeadline() {
        return DisplayTime.of(gate.deadline());
    }

    /** {@code sha256:HEX} of the artifact, or empty when the gate is bound to none. */
    @Exported
    public String getArtifactDigest() {
        return ArtifactDigest.text(gate.artifactDigest());
    }

    @Exported
    public String getPolicyDigest() {
        return gate.policyDigest();
    }

    /** The effective policy's canonical JSON, whose SHA-256 is the policy digest. */
    @Exported
    public String getPolicyJson() {
        return gate.policy().canonicalJson();
    }

    /**
     * The last {@code verifySignature} of this run over the same digest, in words, from the run's
     * events as the controller's ledger holds them (never the run file, which a build can write); {@code null} when the gate is bound to no artifact.
     */
    @Exported
    public @CheckForNull String getSignature() throws IOException {
        return SignatureEvidence.describe(RunAudit.ledgerEvents(run).events(), gate.artifactDigest())
                .orElse(null);
    }

    /** The run's changes: {@code author: message}. */
    @Exported
    public List<String> getChanges() {
        List<String> lines = new ArrayList<>();
        if (run instanceof RunWithSCM<?, ?> withScm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> changes : withScm.getChangeSets()) {
                for (ChangeLogSet.Entry change : changes) {
                    lines.add(change.getAuthor().getId() + ": " + change.getMsg());
                }
            }
        }
        return lines;
    }
}
