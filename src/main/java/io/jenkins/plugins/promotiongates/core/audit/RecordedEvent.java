package io.jenkins.plugins.promotiongates.core.audit;

/**
 * An event that is durable in the ledger and copied to its run's chain file.
 *
 * @param event the event, with its run-chain {@code seq}, {@code prev} and {@code hash}
 * @param ledgerSeq its entry number in the ledger
 * @param ledgerHash its ledger link hash
 */
public record RecordedEvent(AuditEvent event, long ledgerSeq, String ledgerHash) {}
