package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import java.util.List;

/**
 * The approval gate a promotion relied on, as recorded with it.
 *
 * @param gateId the gate's id in its run
 * @param state the gate's state, such as {@code APPROVED} or {@code BROKEN_GLASS}
 * @param policyDigest the policy digest the gate enforced
 * @param approvers normalized ids of the people whose approval (or break-glass) the gate holds, in order
 */
public record ApprovalSummary(String gateId, String state, String policyDigest, List<String> approvers) {

    public ApprovalSummary {
        approvers = List.copyOf(approvers);
    }

    public static ApprovalSummary of(GateSnapshot gate) {
        List<String> people = gate.decisions().stream()
                .filter(decision -> decision.kind() != DecisionKind.REJECT)
                .map(Decision::userId)
                .toList();
        return new ApprovalSummary(gate.gateId(), gate.state().name(), gate.policyDigest(), people);
    }
}
