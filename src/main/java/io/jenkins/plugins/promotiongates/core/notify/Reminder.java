package io.jenkins.plugins.promotiongates.core.notify;

import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a waiting gate reminds the people asked to decide: a lead time before its deadline. */
public final class Reminder {

    private Reminder() {}

    /**
     * The instant of the reminder, or empty when there is none: no lead time, a gate already closed, or a
     * lead time as long as the gate's whole wait (the opening notice already said it all).
     *
     * @param before the lead time before the deadline, or {@code null} for no reminder
     */
    public static Optional<Instant> at(GateSnapshot gate, Duration before) {
        if (before == null
                || before.isZero()
                || before.isNegative()
                || gate.state().isClosed()) {
            return Optional.empty();
        }
        Instant at = gate.deadline().minus(before);
        return at.isAfter(gate.openedAt()) ? Optional.of(at) : Optional.empty();
    }
}
