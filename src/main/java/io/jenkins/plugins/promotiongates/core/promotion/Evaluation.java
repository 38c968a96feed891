package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every precondition's result for one promotion, computed together: nothing was written. What {@code dryRun}
 * returns, and what {@link PromotionService#promote} checks before writing.
 *
 * @param to the target environment
 * @param from the source environment, empty for an entry point
 * @param release the release: application, version, files
 * @param rollback whether the target held this release before (and another of the application since)
 * @param rollbackFastPath whether the approvals precondition passed through {@code rollbackApprovals}
 * @param policyDigest the digest of the target's effective policy, or empty if the target is unknown
 * @param results each precondition's result, in {@link Precondition} order
 * @param approvals the approval gate relied on, if one was
 * @param signatures the signatures relied on, one per file; empty when none was required
 * @param evidence the verdict on each kind of evidence the target requires
 */
public record Evaluation(
        String to,
        String from,
        Release release,
        boolean rollback,
        boolean rollbackFastPath,
        String policyDigest,
        List<PreconditionResult> results,
        Optional<ApprovalSummary> approvals,
        List<SignatureReference> signatures,
        EvidenceResults evidence) {

    public Evaluation {
        results = List.copyOf(results);
        signatures = List.copyOf(signatures);
        evidence = evidence == null ? EvidenceResults.NONE : evidence;
    }

    /**
     * When to evaluate again: present only when every failing precondition is evidence that is pending (an external
     * check that answered "pending"), so the promotion waits instead of being refused.
     */
    public Optional<Instant> waitingUntil() {
        boolean onlyEvidence = failures().stream().allMatch(result -> result.precondition() == Precondition.EVIDENCE);
        return !passed() && onlyEvidence ? evidence.askAgainAt() : Optional.empty();
    }

    /** The release digest. */
    public ArtifactDigest digest() {
        return release.digest();
    }

    /** Whether every precondition holds. */
    public boolean passed() {
        return results.stream().allMatch(PreconditionResult::passed);
    }

    /** The preconditions that fail, each with its remedy. */
    public List<PreconditionResult> failures() {
        return results.stream().filter(result -> !result.passed()).toList();
    }

    /** A report for the build log: a headline, then one line per precondition. */
    public String report() {
        StringBuilder text = new StringBuilder();
        text.append(passed() ? "All gates hold" : failures().size() + " of " + results.size() + " gates fail")
                .append(" for promoting ")
                .append(release)
                .append(' ')
                .append(from.isEmpty() ? "" : "from " + from + " ")
                .append("to ")
                .append(to)
                .append(rollback ? " (rollback)" : "")
                .append(':');
        results.forEach(result -> text.append('\n').append(result.line()));
        return text.toString();
    }

    /** The map the step returns for {@code dryRun}, and the {@code gates} of a refused promotion. */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("passed", passed());
        tree.put("to", to);
        tree.put("from", from);
        tree.put("application", release.application());
        tree.put("version", release.version());
        tree.put("digest", release.digest().toString());
        tree.put("files", ReleaseJson.files(release));
        tree.put("rollback", rollback);
        tree.put("rollbackFastPath", rollbackFastPath);
        tree.put("policyDigest", policyDigest);
        List<Object> gates = new ArrayList<>();
        for (PreconditionResult result : results) {
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("gate", result.precondition().label());
            gate.put("passed", result.passed());
            gate.put("message", result.message());
            gate.put("remedy", result.remedy());
            gates.add(gate);
        }
        tree.put("gates", gates);
        if (!evidence.records().isEmpty()) {
            tree.put("evidence", evidence.toTree());
        }
        return tree;
    }
}
