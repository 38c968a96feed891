package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.AllowedBranches;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.SoakTime;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryException;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes every precondition of one promotion at once, against the target's effective policy and the inventory
 * of the release's application: the path, soak, immutability and rollback preconditions look only at that
 * application's history.
 */
final class PreconditionEvaluator {

    private final Inventory inventory;
    private final ArtifactRepository repository;
    private final EvidenceSources sources;
    private final Instant now;

    PreconditionEvaluator(Inventory inventory, ArtifactRepository repository, EvidenceSources sources, Instant now) {
        this.inventory = inventory;
        this.repository = repository;
        this.sources = sources;
        this.now = now;
    }

    Evaluation evaluate(PromotionRequest request, EffectivePolicy policy) {
        Environment target = policy.environment();
        Release release = request.release();
        ArtifactDigest digest = release.digest();
        String application = release.application();
        boolean rollback = inventory.heldBefore(application, target.name(), digest)
                && !inventory.holdsNow(application, target.name(), digest);
        SignaturePrecondition.Outcome signature =
                SignaturePrecondition.check(target.name(), target.signature(), release, request.signatures());
        ApprovalsPrecondition.Outcome approvals =
                ApprovalsPrecondition.check(policy, request.gates(), release, rollback, now);
        List<PreconditionResult> results = new ArrayList<>();
        results.add(path(request, target, rollback));
        results.add(signature.result());
        results.add(approvals.result());
        results.add(PreconditionResult.of(
                Precondition.BRANCH, AllowedBranches.check(target.allowedBranches(), request.branch())));
        results.add(PreconditionResult.of(
                Precondition.CHANGE_WINDOW, target.changeCalendar().check(now)));
        results.add(soak(request, target, rollback));
        results.add(version(request, target));
        EvidenceResults evidence = EvidenceEvaluation.decide(target, request, sources, now);
        results.addAll(evidence.preconditionResults());
        return new Evaluation(
                target.name(),
                request.from(),
                release,
                rollback,
                approvals.fastPath(),
                policy.digest(),
                results,
                approvals.gate().map(ApprovalSummary::of),
                signature.signatures().stream().map(SignatureReference::of).toList(),
                evidence);
    }

    /** The evaluation of a promotion whose target is not (validly) defined: only the path precondition, failing. */
    static Evaluation unknownTarget(PromotionRequest request, String message, String remedy) {
        return new Evaluation(
                request.to(),
                request.from(),
                request.release(),
                false,
                false,
                "",
                List.of(PreconditionResult.fail(Precondition.PATH, message, remedy)),
                Optional.empty(),
                List.of(),
                EvidenceResults.NONE);
    }

    private PreconditionResult path(PromotionRequest request, Environment target, boolean rollback) {
        String to = target.name();
        String from = request.from();
        List<String> sources = target.promotedFrom();
        if (from.isEmpty()) {
            return sources.isEmpty()
                    ? PreconditionResult.pass(Precondition.PATH, to + " is an entry point (its promotedFrom is empty)")
                    : PreconditionResult.fail(
                            Precondition.PATH,
                            "no 'from' was given, but environments[" + to + "].promotedFrom is " + sources,
                            "name the source environment with from: (one of " + sources + ")");
        }
        if (sources.isEmpty()) {
            return PreconditionResult.fail(
                    Precondition.PATH,
                    to + " is an entry point (its promotedFrom is empty), so nothing is promoted to it from '" + from
                            + "'",
                    "leave 'from' out to promote into " + to);
        }
        if (!sources.contains(from)) {
            return PreconditionResult.fail(
                    Precondition.PATH,
                    "environments[" + to + "].promotedFrom is " + sources + ", which does not include '" + from + "'",
                    "promote to " + to + " from one of " + sources);
        }
        String application = request.application();
        if (inventory.holdsNow(application, from, request.digest())) {
            return PreconditionResult.pass(
                    Precondition.PATH,
                    from + " -> " + to + " is allowed and " + from + " holds this release of " + application);
        }
        if (rollback) {
            return PreconditionResult.pass(
                    Precondition.PATH,
                    from + " -> " + to + " is allowed and " + to + " held this release of " + application
                            + " before (rollback)");
        }
        String holds = inventory
                .current(application, from)
                .map(r -> r.version() + " (" + r.digest() + ", from run " + r.run() + ")")
                .orElse("nothing of it yet");
        return PreconditionResult.fail(
                Precondition.PATH,
                application + " " + request.release().version() + " (" + request.digest() + ") is not what " + from
                        + " holds now of " + application + "; " + from + " holds " + holds,
                "promote this release of " + application + " to " + from + " first, or promote what " + from
                        + " holds");
    }

    private PreconditionResult soak(PromotionRequest request, Environment target, boolean rollback) {
        if (target.soakTime().isZero() || request.from().isEmpty()) {
            return PreconditionResult.pass(
                    Precondition.SOAK_TIME,
                    request.from().isEmpty()
                            ? "no source environment to soak in"
                            : "environments[" + target.name() + "].soakTime is 0: no minimum");
        }
        Optional<Instant> since = inventory.currentSince(request.application(), request.from(), request.digest());
        if (since.isEmpty() && rollback) {
            return PreconditionResult.pass(
                    Precondition.SOAK_TIME, "rollback: this release soaked before it entered " + target.name());
        }
        return PreconditionResult.of(
                Precondition.SOAK_TIME, SoakTime.check(target.soakTime(), since.orElse(null), request.from(), now));
    }

    private PreconditionResult version(PromotionRequest request, Environment target) {
        Release release = request.release();
        ArtifactDigest digest = release.digest();
        String what = release.application() + " " + release.version();
        String remedy = "promote this release under a new version; a promoted version is immutable";
        Optional<PromotionRecord> recorded = inventory.version(release.application(), target.name(), release.version());
        if (recorded.isPresent() && !recorded.get().digest().matches(digest)) {
            return PreconditionResult.fail(
                    Precondition.VERSION,
                    what + " in " + target.name() + " was promoted as "
                            + recorded.get().digest() + " ("
                            + recorded.get().release().fileNames() + ") by run "
                            + recorded.get().run()
                            + "; this release is " + digest + " (" + release.fileNames() + ")",
                    remedy);
        }
        String again =
                what + " already holds this release in " + target.name() + ": promoting it again is a recorded no-op";
        if (repository == null) {
            return PreconditionResult.pass(
                    Precondition.VERSION,
                    recorded.isPresent()
                            ? again
                            : what + " is new in " + target.name() + "'s inventory (its repository is"
                                    + " checked when the promotion runs; a dry run opens none)");
        }
        Map<String, ArtifactDigest> stored;
        try {
            stored = repository.stored(release);
        } catch (RepositoryException | IllegalArgumentException e) {
            return PreconditionResult.fail(
                    Precondition.VERSION,
                    "cannot tell what " + repository.describe() + " holds for " + what + ": " + e.getMessage(),
                    "fix the repository problem above, then promote again");
        }
        for (ReleaseFile file : release.files()) {
            ArtifactDigest existing = stored.get(file.name());
            if (existing != null && !existing.matches(file.digest())) {
                return PreconditionResult.fail(
                        Precondition.VERSION,
                        repository.location(release) + " already holds " + file.name() + " as " + existing
                                + "; this release's " + file.name() + " is " + file.digest(),
                        remedy);
            }
        }
        return PreconditionResult.pass(
                Precondition.VERSION,
                !stored.isEmpty() || recorded.isPresent() ? again : what + " is new in " + target.name());
    }
}
