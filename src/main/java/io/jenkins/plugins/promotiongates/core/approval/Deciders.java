package io.jenkins.plugins.promotiongates.core.approval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people a gate asks for a decision: eligible under its rules (narrowed by the step's approvers),
 * not excluded by separation of duties (the run's starters, the change authors, when the policy says
 * so), and who have not decided on it yet. Notifications go to these people and to nobody else.
 */
public final class Deciders {

    private Deciders() {}

    /**
     * Whether {@code who} is asked to decide at {@code gate}, whatever its state (a closing notice goes to
     * the people who were asked).
     */
    public static boolean isAsked(GateSnapshot gate, Approver who) {
        if (gate.decisions().stream().anyMatch(d -> d.userId().equals(who.userId()))) {
            return false;
        }
        try {
            Eligibility.rulesFor(gate.policy(), gate.parties(), who);
            return true;
        } catch (DecisionRefusedException e) {
            return false;
        }
    }

    /** The {@code candidates} asked to decide at {@code gate}, once each by user id, in the given order. */
    public static List<Approver> among(GateSnapshot gate, Collection<Approver> candidates) {
        Map<String, Approver> asked = new LinkedHashMap<>();
        for (Approver candidate : candidates) {
            if (!asked.containsKey(candidate.userId()) && isAsked(gate, candidate)) {
                asked.put(candidate.userId(), candidate);
            }
        }
        return new ArrayList<>(asked.values());
    }
}
