package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.attestation.DsseEnvelope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link PromotionService#promote} did.
 *
 * @param status what happened
 * @param evaluation every precondition's result
 * @param record the promotion record for the {@code promotion.completed} event; present for
 *     {@link Status#COMPLETED} and {@link Status#NOOP}
 * @param reasons for {@link Status#REFUSED} and {@link Status#FAILED}: each failing precondition, or the
 *     repository's refusal or error, with its remedy
 * @param attestation the signed attestation of a promotion that succeeded, when the service attests
 */
public record PromotionOutcome(
        Status status,
        Evaluation evaluation,
        Optional<PromotionRecord> record,
        List<String> reasons,
        Optional<DsseEnvelope> attestation) {

    /** What happened to the promotion. */
    public enum Status {
        /** Every precondition held and the artifact was stored (or recorded, for record-only). */
        COMPLETED,
        /** Every precondition held and the repository already held this digest under this version: nothing written. */
        NOOP,
        /** A precondition failed, or the repository refused (a different digest is stored): nothing written. */
        REFUSED,
        /** Every precondition held but the write failed (network, permissions, server errors): nothing partial is visible. */
        FAILED
    }

    public PromotionOutcome {
        reasons = List.copyOf(reasons);
    }

    /** An outcome without attestation: a refusal, a failure, or a promotion by a service that does not attest. */
    public PromotionOutcome(
            Status status, Evaluation evaluation, Optional<PromotionRecord> record, List<String> reasons) {
        this(status, evaluation, record, reasons, Optional.empty());
    }

    /** Whether the artifact is in the target environment now. */
    public boolean succeeded() {
        return status == Status.COMPLETED || status == Status.NOOP;
    }

    /** The map {@code promoteArtifact} returns. */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("status", status.name());
        tree.put("location", record.map(PromotionRecord::location).orElse(""));
        tree.put("reasons", reasons);
        tree.put("evaluation", evaluation.toTree());
        return tree;
    }
}
