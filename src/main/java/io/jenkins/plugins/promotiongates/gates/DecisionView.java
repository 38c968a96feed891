package io.jenkins.plugins.promotiongates.gates;

import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
import io.jenkins.plugins.promotiongates.core.approval.GateOutcome;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One accepted decision: who, what, when, with which comment, for which digests. */
@ExportedBean(defaultVisibility = 2)
public final class DecisionView {

    private final Decision decision;

    DecisionView(Decision decision) {
        this.decision = decision;
    }

    @Exported
    public String getUser() {
        return decision.userId();
    }

    /** {@code approve}, {@code reject} or {@code break-glass}. */
    @Exported
    public String getDecision() {
        return GateOutcome.label(decision.kind());
    }

    public boolean isBreakGlass() {
        return decision.kind() == DecisionKind.BREAK_GLASS;
    }

    /** When, for {@code api/json}: ISO-8601 with the clock's full precision. */
    @Exported
    public String getTime() {
        return decision.time().toString();
    }

    /** When, as pages show times: to the second. */
    public String getDisplayTime() {
        return DisplayTime.of(decision.time());
    }

    @Exported
    public String getComment() {
        return decision.comment();
    }

    @Exported
    public String getArtifactDigest() {
        return ArtifactDigest.text(decision.artifactDigest());
    }

    @Exported
    public String getPolicyDigest() {
        return decision.policyDigest();
    }
}
