package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every gate's result for one promotion, computed together: nothing was written. What {@code dryRun}
 * returns, and what {@link PromotionService#promote} checks before writing.
 *
 * @param to the target environment
 * @param from the source environment, empty for an entry point
 * @param coordinates the artifact's name and version
 * @param digest the artifact's digest
 * @param rollback whether the target held this digest before (and another since)
 * @param rollbackFastPath whether the approvals gate passed through {@code rollbackApprovals}
 * @param policyDigest the digest of the target's effective policy, or empty if the target is unknown
 * @param results each gate's result, in {@link Gate} order
 * @param approvals the approval gate relied on, if one was
 * @param signature the signature relied on, if one was
 */
public record Evaluation(
        String to,
        String from,
        ArtifactCoordinates coordinates,
        ArtifactDigest digest,
        boolean rollback,
        boolean rollbackFastPath,
        String policyDigest,
        List<GateResult> results,
        Optional<ApprovalSummary> approvals,
        Optional<SignatureReference> signature) {

    public Evaluation {
        results = List.copyOf(results);
    }

    /** Whether every gate holds. */
    public boolean passed() {
        return results.stream().allMatch(GateResult::passed);
    }

    /** The gates that fail, each with its remedy. */
    public List<GateResult> failures() {
        return results.stream().filter(result -> !result.passed()).toList();
    }

    /** A report for the build log: a headline, then one line per gate. */
    public String report() {
        StringBuilder text = new StringBuilder();
        text.append(passed() ? "All gates hold" : failures().size() + " of " + results.size() + " gates fail")
                .append(" for promoting ")
                .append(coordinates)
                .append(" (")
                .append(digest)
                .append(") ")
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
        tree.put("artifact", coordinates.name());
        tree.put("version", coordinates.version());
        tree.put("digest", digest.toString());
        tree.put("rollback", rollback);
        tree.put("rollbackFastPath", rollbackFastPath);
        tree.put("policyDigest", policyDigest);
        List<Object> gates = new ArrayList<>();
        for (GateResult result : results) {
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("gate", result.gate().label());
            gate.put("passed", result.passed());
            gate.put("message", result.message());
            gate.put("remedy", result.remedy());
            gates.add(gate);
        }
        tree.put("gates", gates);
        return tree;
    }
}
