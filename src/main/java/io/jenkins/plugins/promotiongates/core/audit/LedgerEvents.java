package io.jenkins.plugins.promotiongates.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * A run's events as the controller's ledger holds them: what the gates decide from. The run's own
 * file ({@value RunFile#NAME}) is a copy for display; every event of it that the ledger does not
 * hold, or holds differently, is named in {@link #disagreements()} and ignored.
 *
 * @param events the run's events, numbered 1, 2, 3… without a gap, each linked to the one before and
 *     the first to the run's genesis, as the ledger holds them
 * @param ledgerSeqs the ledger entry number of each event
 * @param disagreements one line per run-file line that the ledger does not confirm (naming the
 *     run-file event's number and what differs), and per ledger entry of the run that does not
 *     continue its chain; each was ignored
 * @param problem why the run's events could not be proven complete from the ledger (then {@code
 *     events} is empty), if so
 */
public record LedgerEvents(
        List<AuditEvent> events, List<Long> ledgerSeqs, List<String> disagreements, Optional<String> problem) {

    public LedgerEvents {
        events = List.copyOf(events);
        ledgerSeqs = List.copyOf(ledgerSeqs);
        disagreements = List.copyOf(disagreements);
    }

    /** Every disagreement, then the problem if there is one: what the build log shows. */
    public List<String> report() {
        return problem.map(p -> java.util.stream.Stream.concat(disagreements.stream(), java.util.stream.Stream.of(p))
                        .toList())
                .orElse(disagreements);
    }
}
