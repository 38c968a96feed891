package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.attestation.DsseEnvelope;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.event.ArtifactRef;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.PromotionRefusedDetails;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A promotion's audit events, both ways: the events {@code promoteArtifact} records for an outcome,
 * and the inventory rebuilt from the ledger's promotion events.
 *
 * <p>Both {@code promotion.completed} and {@code promotion.noop} carry a {@link PromotionRecord} and
 * count for the inventory: a no-op means the repository already held the digest, not that the
 * environment already did (a rollback to a version still stored is a no-op for the repository but
 * changes what the environment holds now).
 */
public final class PromotionEvents {

    /** The event types whose details are a {@link PromotionRecordJson} tree. */
    public static final Set<String> RECORD_TYPES = Set.of(EventTypes.PROMOTION_COMPLETED, EventTypes.PROMOTION_NOOP);

    /**
     * @param inventory the inventory of every readable promotion record in the ledger
     * @param ignored one line per promotion event that could not be read, with the reason
     */
    public record Loaded(Inventory inventory, List<String> ignored) {

        public Loaded {
            ignored = List.copyOf(ignored);
        }
    }

    private PromotionEvents() {}

    /** Rebuilds the inventory from every promotion record in the ledger, streaming it once. */
    public static Loaded inventory(AuditService audit) throws IOException {
        List<PromotionRecord> records = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        audit.events(RECORD_TYPES, event -> {
            try {
                records.add(record(event));
            } catch (IllegalArgumentException e) {
                ignored.add("audit event " + event.type() + " of "
                        + event.get("run").path("job").asText() + "#"
                        + event.get("run").path("build").asText() + " is not in the inventory: " + e.getMessage());
            }
        });
        return new Loaded(Inventory.of(records), ignored);
    }

    /**
     * The record a promotion event carries.
     *
     * @throws IllegalArgumentException if the event is not a promotion record event, or its details are malformed
     */
    public static PromotionRecord record(AuditEvent event) {
        if (!RECORD_TYPES.contains(event.type())) {
            throw new IllegalArgumentException("a " + event.type() + " event carries no promotion record");
        }
        return PromotionRecordJson.fromTree(event.get("details"));
    }

    /**
     * What {@code promoteArtifact} records for {@code outcome}, in order: {@code gate.passed} or
     * {@code gate.failed} with every precondition's result, then {@code promotion.completed},
     * {@code promotion.noop}, or {@code promotion.refused} (a precondition failed, the repository refused, or
     * the write failed: {@code details.status} says which), then, for an attested promotion,
     * {@code promotion.attested} whose {@code details.envelope} is the signed attestation (a DSSE envelope).
     *
     * <p>The events' {@code artifact} is the release: its application, total size and release digest.
     *
     * @param actor the user who started the run, or {@link EventDraft#SYSTEM}
     */
    /** The record's tree, listing the evidence that held when the target requires any. */
    private static Map<String, Object> withEvidence(Map<String, Object> record, Evaluation evaluation) {
        if (evaluation.evidence().records().isEmpty()) {
            return record;
        }
        Map<String, Object> details = new LinkedHashMap<>(record);
        details.put("evidence", evaluation.evidence().passedTree());
        return details;
    }

    public static List<EventDraft> drafts(PromotionOutcome outcome, String actor) {
        Evaluation evaluation = outcome.evaluation();
        ArtifactRef ref = new ArtifactRef(
                evaluation.release().application(), evaluation.release().size(), evaluation.digest());
        String policyDigest = evaluation.policyDigest().isEmpty() ? null : evaluation.policyDigest();
        EventDraft gates = EventDraft.of(evaluation.passed() ? EventTypes.GATE_PASSED : EventTypes.GATE_FAILED, actor)
                .withEnvironment(evaluation.to())
                .withArtifact(ref)
                .withPolicyDigest(policyDigest)
                .withDetails(evaluation.toTree());
        EventDraft promotion = EventDraft.of(type(outcome.status()), actor)
                .withEnvironment(evaluation.to())
                .withArtifact(ref)
                .withPolicyDigest(policyDigest)
                .withDetails(outcome.record()
                        .map(record -> withEvidence(PromotionRecordJson.toTree(record), evaluation))
                        .orElseGet(() -> refusal(outcome)));
        if (outcome.attestation().isEmpty()) {
            return List.of(gates, promotion);
        }
        EventDraft attested = EventDraft.of(EventTypes.PROMOTION_ATTESTED, actor)
                .withEnvironment(evaluation.to())
                .withArtifact(ref)
                .withPolicyDigest(policyDigest)
                .withDetails(Map.of("envelope", envelope(outcome.attestation().get())));
        return List.of(gates, promotion, attested);
    }

    private static Map<String, Object> envelope(DsseEnvelope envelope) {
        List<Object> signatures = new ArrayList<>();
        envelope.signatures()
                .forEach(signature -> signatures.add(Map.of("keyid", signature.keyid(), "sig", signature.sig())));
        return Map.of("payloadType", envelope.payloadType(), "payload", envelope.payload(), "signatures", signatures);
    }

    private static String type(PromotionOutcome.Status status) {
        return switch (status) {
            case COMPLETED -> EventTypes.PROMOTION_COMPLETED;
            case NOOP -> EventTypes.PROMOTION_NOOP;
            case REFUSED, FAILED -> EventTypes.PROMOTION_REFUSED;
        };
    }

    private static Map<String, Object> refusal(PromotionOutcome outcome) {
        return new PromotionRefusedDetails(outcome.status().name(), outcome.reasons()).toMap();
    }
}
