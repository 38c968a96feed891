package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.attestation.DsseEnvelope;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.Publication;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryException;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryOpener;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The promotion engine's entry point: {@link #evaluate} checks every precondition and writes nothing
 * ({@code dryRun}); {@link #promote} evaluates and, only when every precondition holds, publishes to the
 * target's repository and returns the record to audit.
 */
public final class PromotionService {

    private final PromotionPolicy policy;
    private final PolicyTightener tightener;
    private final Clock clock;
    private final PromotionAttestor attestor;

    /** A service that does not attest its promotions (dry runs, tests); see the other constructor. */
    public PromotionService(PromotionPolicy policy, PolicyTightener tightener, Clock clock) {
        this(policy, tightener, clock, null);
    }

    /**
     * @param policy every environment, as the administrator defined them
     * @param tightener with the security realm's id rules, to compute the target's effective policy
     *     exactly as {@code requireApprovals} does
     * @param clock the time preconditions are evaluated at and promotions recorded with
     * @param attestor signs an attestation for every promotion that succeeds; {@code null} for none
     */
    public PromotionService(
            PromotionPolicy policy, PolicyTightener tightener, Clock clock, PromotionAttestor attestor) {
        this.policy = policy;
        this.tightener = tightener;
        this.clock = clock;
        this.attestor = attestor;
    }

    /** Every precondition's result; nothing is written. */
    public Evaluation evaluate(PromotionRequest request, Inventory inventory, ArtifactRepository repository) {
        return evaluate(request, inventory, repository, EvidenceSources.none(), clock.instant());
    }

    /**
     * Every precondition's result without opening the target's repository ({@code dryRun}): the version precondition
     * checks the inventory only, and says so; nothing is read from or written to a repository.
     */
    public Evaluation evaluate(PromotionRequest request, Inventory inventory) {
        return evaluate(request, inventory, EvidenceSources.none());
    }

    /** {@link #evaluate(PromotionRequest, Inventory)}, deciding the evidence the target requires from {@code sources}. */
    public Evaluation evaluate(PromotionRequest request, Inventory inventory, EvidenceSources sources) {
        return evaluate(request, inventory, null, sources, clock.instant());
    }

    /**
     * The evidence {@code environment} requires of {@code release}, decided now without promoting, as an
     * approver sees it before deciding: {@link EvidenceResults#NONE} when the environment is unknown or
     * requires none. External checks are asked only if {@code sources} can ask them.
     */
    public EvidenceResults evidence(String environment, Release release, RunRef run, EvidenceSources sources) {
        return policy.environment(environment)
                .map(target -> EvidenceEvaluation.decide(target, release, run, sources, clock.instant()))
                .orElse(EvidenceResults.NONE);
    }

    /** {@link #promote(PromotionRequest, ReleaseContent, Inventory, RepositoryOpener)} with an open repository. */
    public PromotionOutcome promote(
            PromotionRequest request, ReleaseContent content, Inventory inventory, ArtifactRepository repository) {
        return promote(request, content, inventory, () -> repository);
    }

    /**
     * Evaluates, then, when every precondition holds, publishes every file of the release from {@code content}:
     * the repository streams each once, hashing while it writes, and commits the release only if every
     * file hashes to its digest in the release (the release the preconditions were evaluated for); otherwise
     * nothing is visible and the outcome is {@link PromotionOutcome.Status#REFUSED}. {@code content} is not
     * opened when a precondition fails, nor for files the repository already holds under this version, nor when
     * it copies nothing (record-only). An attesting service signs the attestation before publishing, so
     * that the repository keeps it beside the release, made visible with it.
     *
     * @param content the files' bytes, as the controller reads them (from the workspace or the run's
     *     archived artifacts); nothing about them is trusted
     * @param inventory the inventory before this promotion
     * @param opener opens the target's repository; called only once every precondition that needs no repository
     *     holds, so a refused promotion never resolves the repository's credentials
     */
    public PromotionOutcome promote(
            PromotionRequest request, ReleaseContent content, Inventory inventory, RepositoryOpener opener) {
        return promote(request, new EvidenceSources(content, Optional.empty(), null), inventory, opener);
    }

    /**
     * {@link #promote(PromotionRequest, ReleaseContent, Inventory, RepositoryOpener)} with the release's bytes
     * and the rest of the evidence the target may require in {@code sources}. When the only preconditions that fail
     * are pending external checks, the outcome is refused and its evaluation says when to ask again ({@link
     * Evaluation#waitingUntil()}); the caller may wait and promote again with the same {@code sources}.
     */
    public PromotionOutcome promote(
            PromotionRequest request, EvidenceSources sources, Inventory inventory, RepositoryOpener opener) {
        ReleaseContent content = sources.content().orElse(null); // not opened when nothing is copied
        Instant now = clock.instant();
        Evaluation evaluation = evaluate(request, inventory, null, sources, now);
        if (!evaluation.passed()) {
            return refused(evaluation);
        }
        ArtifactRepository repository;
        try {
            repository = opener.open();
        } catch (RepositoryException e) {
            return unpublished(evaluation, e);
        }
        evaluation = evaluate(request, inventory, repository, sources, now);
        if (!evaluation.passed()) {
            return refused(evaluation);
        }
        String location = repository.location(request.release());
        PromotionRecord planned = record(request, evaluation, inventory, location, true, now);
        Optional<DsseEnvelope> attestation = attestation(evaluation, location, now);
        try {
            Publication publication = repository.publish(
                    request.release(),
                    content,
                    PromotionRecordJson.canonicalBytes(planned),
                    attestation.map(DsseEnvelope::toJson).orElse(null));
            PromotionRecord done =
                    record(request, evaluation, inventory, publication.location(), publication.stored(), now);
            return new PromotionOutcome(
                    publication.stored() ? PromotionOutcome.Status.COMPLETED : PromotionOutcome.Status.NOOP,
                    evaluation,
                    Optional.of(done),
                    List.of(),
                    attestation);
        } catch (RepositoryException e) {
            return unpublished(evaluation, e);
        }
    }

    private Optional<DsseEnvelope> attestation(Evaluation evaluation, String location, Instant now) {
        return attestor == null ? Optional.empty() : Optional.of(attestor.attest(evaluation, location, now));
    }

    /** Every precondition held, but the repository could not be opened or refused or failed the write. */
    private static PromotionOutcome unpublished(Evaluation evaluation, RepositoryException e) {
        return new PromotionOutcome(
                e.isRefusal() ? PromotionOutcome.Status.REFUSED : PromotionOutcome.Status.FAILED,
                evaluation,
                Optional.empty(),
                List.of(e.getMessage()));
    }

    private static PromotionOutcome refused(Evaluation evaluation) {
        List<String> reasons =
                evaluation.failures().stream().map(PreconditionResult::line).toList();
        return new PromotionOutcome(PromotionOutcome.Status.REFUSED, evaluation, Optional.empty(), reasons);
    }

    /** @param repository the target's repository, or {@code null} to evaluate without opening one */
    private Evaluation evaluate(
            PromotionRequest request,
            Inventory inventory,
            ArtifactRepository repository,
            EvidenceSources sources,
            Instant now) {
        Optional<Environment> target = policy.environment(request.to());
        if (target.isEmpty()) {
            return PreconditionEvaluator.unknownTarget(
                    request,
                    "'" + request.to() + "' is not an environment defined in Manage Jenkins; known environments: "
                            + policy.names(),
                    "promote to one of " + policy.names() + ", or ask an administrator to define " + request.to());
        }
        if (!request.from().isEmpty() && policy.environment(request.from()).isEmpty()) {
            return PreconditionEvaluator.unknownTarget(
                    request,
                    "'from' names '" + request.from() + "', which is not an environment defined in Manage Jenkins;"
                            + " known environments: " + policy.names(),
                    "name the source as one of " + target.get().promotedFrom());
        }
        EffectivePolicy effective;
        try {
            effective = tightener.effective(target.get(), Tightening.NONE);
        } catch (InvalidPolicyException e) {
            return PreconditionEvaluator.unknownTarget(
                    request,
                    "environments[" + request.to() + "] is not a valid policy: " + e.getMessage(),
                    "ask an administrator to correct the environment in Manage Jenkins");
        }
        return new PreconditionEvaluator(inventory, repository, sources, now).evaluate(request, effective);
    }

    private static PromotionRecord record(
            PromotionRequest request,
            Evaluation evaluation,
            Inventory inventory,
            String location,
            boolean stored,
            Instant now) {
        EnvironmentSnapshot previous = inventory
                .current(request.application(), request.to())
                .map(PromotionRecord::snapshot)
                .orElse(null);
        return new PromotionRecord(
                request.to(),
                request.from(),
                request.release(),
                request.run().id(),
                request.run().url(),
                now,
                location,
                stored,
                evaluation.rollback(),
                evaluation.rollbackFastPath(),
                evaluation.approvals().map(List::of).orElse(List.of()),
                evaluation.signatures(),
                evaluation.policyDigest(),
                request.snapshot(),
                SnapshotDrift.between(previous, request.snapshot()));
    }
}
