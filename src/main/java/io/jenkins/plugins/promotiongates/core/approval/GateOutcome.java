package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a gate is reported to the pipeline: the map {@code requireApprovals} returns, the console
 * lines, and the reason a run stops at a closed gate.
 */
public final class GateOutcome {

    /** What every console line of the plugin starts with. */
    public static final String PREFIX = "[Promotion Gates] ";

    private GateOutcome() {}

    /**
     * The step's return value: gate id, environment, state, whether it let the run through, the
     * digests, open and close data, and every decision (user, decision, time, comment) in order.
     * Only strings, booleans and lists, so that Pipeline scripts can read it in the sandbox.
     */
    public static Map<String, Object> asMap(GateSnapshot gate) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", gate.gateId());
        map.put("environment", gate.policy().name());
        map.put("state", gate.state().name());
        map.put("approved", gate.state().letsThrough());
        map.put("artifactDigest", ArtifactDigest.text(gate.artifactDigest()));
        map.put("policyDigest", gate.policyDigest());
        map.put("openedAt", gate.openedAt().toString());
        map.put("closedAt", gate.closedAt() == null ? "" : gate.closedAt().toString());
        map.put("closedBy", gate.closedBy());
        map.put("closeReason", gate.closeReason());
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Decision decision : gate.decisions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("user", decision.userId());
            entry.put("decision", label(decision.kind()));
            entry.put("time", decision.time().toString());
            entry.put("comment", decision.comment());
            decisions.add(entry);
        }
        map.put("decisions", decisions);
        return map;
    }

    /** A decision kind as people read it: {@code approve}, {@code reject}, {@code break-glass}. */
    public static String label(DecisionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The console line when a gate opens; the glue appends where to decide. */
    public static String waitingLine(GateSnapshot gate, String message, String progress) {
        String what = message == null || message.isBlank() ? "" : message.trim() + ": ";
        return PREFIX + what + "gate '" + gate.gateId() + "' for "
                + gate.policy().name() + " waits for approvals ("
                + progress + ", times out at " + DisplayTime.of(gate.deadline()) + ", artifact "
                + (gate.artifactDigest() == null ? "not bound" : gate.artifactDigest()) + ", policy "
                + gate.policyDigest() + ")";
    }

    /** The console line for an accepted decision. */
    public static String decisionLine(GateSnapshot gate, Decision decision) {
        String comment = decision.comment().isEmpty() ? "" : ": " + decision.comment();
        String kind = decision.kind() == DecisionKind.BREAK_GLASS ? "BREAK-GLASS" : label(decision.kind());
        return PREFIX + "gate '" + gate.gateId() + "': " + kind + " by " + decision.userId() + comment;
    }

    /** Why the run continues or stops at a closed gate, naming who closed it and with what comment. */
    public static String closeMessage(GateSnapshot gate) {
        String head =
                "Approval gate '" + gate.gateId() + "' for " + gate.policy().name() + " ";
        return switch (gate.state()) {
            case WAITING -> head + "is waiting";
            case APPROVED -> head + "approved: " + gate.closeReason();
            case REJECTED -> head + "rejected by " + gate.closedBy() + ": " + lastComment(gate);
            case TIMED_OUT -> head + "timed out: " + gate.closeReason();
            case CANCELLED -> head + "cancelled: " + gate.closeReason();
            case BROKEN_GLASS -> head + "opened by BREAK-GLASS: " + gate.closeReason();
        };
    }

    private static String lastComment(GateSnapshot gate) {
        List<Decision> decisions = gate.decisions();
        return decisions.isEmpty() ? "" : decisions.get(decisions.size() - 1).comment();
    }
}
