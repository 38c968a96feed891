package io.jenkins.plugins.promotiongates.core.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Approvals page shows for one gate at one instant.
 *
 * @param state the gate's state
 * @param rules progress of each rule
 * @param filled approvals that count, over all rules
 * @param required approvals needed, over all rules
 * @param decisions every accepted decision, in order (who decided, when, with what comment)
 * @param expired approvals that no longer count because they are older than the validity
 * @param deadline when the gate times out
 */
public record GateProgress(
        GateState state,
        List<RuleProgress> rules,
        int filled,
        int required,
        List<Decision> decisions,
        List<Decision> expired,
        Instant deadline) {

    /** Progress as people say it: {@code 1 of 2}. */
    public String summary() {
        return filled + " of " + required;
    }

    static GateProgress of(GateSnapshot snapshot, Quorum quorum) {
        List<RuleProgress> rules = new ArrayList<>();
        for (int i = 0; i < snapshot.policy().rules().size(); i++) {
            rules.add(new RuleProgress(
                    snapshot.policy().rules().get(i).name(),
                    quorum.assignment().filled(i),
                    quorum.assignment().counts().get(i),
                    quorum.assignment().assigned().get(i)));
        }
        return new GateProgress(
                snapshot.state(),
                List.copyOf(rules),
                quorum.assignment().filledTotal(),
                quorum.assignment().requiredTotal(),
                snapshot.decisions(),
                quorum.expired(),
                snapshot.deadline());
    }

    /**
     * One rule's progress.
     *
     * @param name the rule's name
     * @param filled valid approvals counted for it (at most {@code required})
     * @param required its count
     * @param approvers who counts for it
     */
    public record RuleProgress(String name, int filled, int required, List<String> approvers) {

        public String summary() {
            return filled + " of " + required;
        }
    }
}
