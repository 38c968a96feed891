package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.AllowedBranches;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.SoakTime;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Computes every gate of one promotion at once, against the target's effective policy and the inventory. */
final class GateEvaluator {

    private final Inventory inventory;
    private final ArtifactRepository repository;
    private final Instant now;

    GateEvaluator(Inventory inventory, ArtifactRepository repository, Instant now) {
        this.inventory = inventory;
        this.repository = repository;
        this.now = now;
    }

    Evaluation evaluate(PromotionRequest request, EffectivePolicy policy) {
        Environment target = policy.environment();
        ArtifactDigest digest = request.digest();
        boolean rollback = inventory.heldBefore(target.name(), digest) && !inventory.holdsNow(target.name(), digest);
        SignatureCheck.Outcome signature = SignatureCheck.check(
                target.name(), target.signature(), request.artifact(), digest, request.signatures());
        ApprovalsCheck.Outcome approvals =
                ApprovalsCheck.check(policy, request.gates(), request.artifact(), digest, rollback, now);
        List<GateResult> results = new ArrayList<>();
        results.add(path(request, target, rollback));
        results.add(signature.result());
        results.add(approvals.result());
        results.add(GateResult.of(Gate.BRANCH, AllowedBranches.check(target.allowedBranches(), request.branch())));
        results.add(GateResult.of(Gate.CHANGE_WINDOW, target.changeCalendar().check(now)));
        results.add(soak(request, target, rollback));
        results.add(version(request, target));
        return new Evaluation(
                target.name(),
                request.from(),
                request.coordinates(),
                digest,
                rollback,
                approvals.fastPath(),
                policy.digest(),
                results,
                approvals.gate().map(ApprovalSummary::of),
                signature.signature().map(SignatureReference::of));
    }

    /** The evaluation of a promotion whose target is not (validly) defined: only the path gate, failing. */
    static Evaluation unknownTarget(PromotionRequest request, String message, String remedy) {
        return new Evaluation(
                request.to(),
                request.from(),
                request.coordinates(),
                request.digest(),
                false,
                false,
                "",
                List.of(GateResult.fail(Gate.PATH, message, remedy)),
                Optional.empty(),
                Optional.empty());
    }

    private GateResult path(PromotionRequest request, Environment target, boolean rollback) {
        String to = target.name();
        String from = request.from();
        List<String> sources = target.promotedFrom();
        if (from.isEmpty()) {
            return sources.isEmpty()
                    ? GateResult.pass(Gate.PATH, to + " is an entry point (its promotedFrom is empty)")
                    : GateResult.fail(
                            Gate.PATH,
                            "no 'from' was given, but environments[" + to + "].promotedFrom is " + sources,
                            "name the source environment with from: (one of " + sources + ")");
        }
        if (sources.isEmpty()) {
            return GateResult.fail(
                    Gate.PATH,
                    to + " is an entry point (its promotedFrom is empty), so nothing is promoted to it from '" + from
                            + "'",
                    "leave 'from' out to promote into " + to);
        }
        if (!sources.contains(from)) {
            return GateResult.fail(
                    Gate.PATH,
                    "environments[" + to + "].promotedFrom is " + sources + ", which does not include '" + from + "'",
                    "promote to " + to + " from one of " + sources);
        }
        if (inventory.holdsNow(from, request.digest())) {
            return GateResult.pass(Gate.PATH, from + " -> " + to + " is allowed and " + from + " holds this artifact");
        }
        if (rollback) {
            return GateResult.pass(
                    Gate.PATH, from + " -> " + to + " is allowed and " + to + " held this artifact before (rollback)");
        }
        String holds = inventory
                .current(from)
                .map(r -> r.artifact() + " " + r.version() + " (" + r.digest() + ", from run " + r.run() + ")")
                .orElse("nothing yet");
        return GateResult.fail(
                Gate.PATH,
                request.digest() + " is not what " + from + " holds now; " + from + " holds " + holds,
                "promote this artifact to " + from + " first, or promote what " + from + " holds");
    }

    private GateResult soak(PromotionRequest request, Environment target, boolean rollback) {
        if (target.soakTime().isZero() || request.from().isEmpty()) {
            return GateResult.pass(
                    Gate.SOAK_TIME,
                    request.from().isEmpty()
                            ? "no source environment to soak in"
                            : "environments[" + target.name() + "].soakTime is 0: no minimum");
        }
        Optional<Instant> since = inventory.currentSince(request.from(), request.digest());
        if (since.isEmpty() && rollback) {
            return GateResult.pass(Gate.SOAK_TIME, "rollback: this artifact soaked before it entered " + target.name());
        }
        return GateResult.of(
                Gate.SOAK_TIME, SoakTime.check(target.soakTime(), since.orElse(null), request.from(), now));
    }

    private GateResult version(PromotionRequest request, Environment target) {
        ArtifactCoordinates coordinates = request.coordinates();
        ArtifactDigest digest = request.digest();
        String remedy = "promote this artifact under a new version; a promoted version is immutable";
        Optional<PromotionRecord> recorded = inventory.version(target.name(), coordinates);
        if (recorded.isPresent() && !recorded.get().digest().matches(digest)) {
            return GateResult.fail(
                    Gate.VERSION,
                    coordinates + " in " + target.name() + " was promoted as "
                            + recorded.get().digest() + " by run "
                            + recorded.get().run() + "; this artifact is " + digest,
                    remedy);
        }
        if (repository == null) {
            return GateResult.pass(
                    Gate.VERSION,
                    recorded.isPresent()
                            ? coordinates + " already holds this digest in " + target.name()
                                    + ": promoting it again is a recorded no-op"
                            : coordinates + " is new in " + target.name() + "'s inventory (its repository is"
                                    + " checked when the promotion runs; a dry run opens none)");
        }
        Optional<ArtifactDigest> stored;
        try {
            stored = repository.existingDigest(coordinates);
        } catch (RepositoryException | IllegalArgumentException e) {
            return GateResult.fail(
                    Gate.VERSION,
                    "cannot tell what " + repository.describe() + " holds for " + coordinates + ": " + e.getMessage(),
                    "fix the repository problem above, then promote again");
        }
        if (stored.isPresent() && !stored.get().matches(digest)) {
            return GateResult.fail(
                    Gate.VERSION,
                    repository.location(coordinates) + " already holds " + stored.get() + "; this artifact is "
                            + digest,
                    remedy);
        }
        return GateResult.pass(
                Gate.VERSION,
                stored.isPresent() || recorded.isPresent()
                        ? coordinates + " already holds this digest in " + target.name()
                                + ": promoting it again is a recorded no-op"
                        : coordinates + " is new in " + target.name());
    }
}
