package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.release.ReleaseJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map {@code promoteArtifact} returns: {@code status} ({@code COMPLETED}, {@code NOOP} or, for
 * {@code dryRun}, {@code PASSED} or {@code FAILED}), {@code environment}, {@code version},
 * {@code digest} ({@code sha256:HEX}), {@code location} (empty when nothing was or would be stored) and
 * {@code gates} (every precondition with {@code gate}, {@code passed}, {@code message}, {@code remedy}).
 */
public final class PromotionStepResult {

    private PromotionStepResult() {}

    /** The result of a promotion that completed or was a no-op. */
    public static Map<String, Object> of(PromotionOutcome outcome) {
        return tree(
                outcome.status().name(),
                outcome.evaluation(),
                outcome.record().map(PromotionRecord::location).orElse(""));
    }

    /** The result of a dry run: nothing was written. */
    public static Map<String, Object> dryRun(Evaluation evaluation) {
        return tree(evaluation.passed() ? "PASSED" : "FAILED", evaluation, "");
    }

    private static Map<String, Object> tree(String status, Evaluation evaluation, String location) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", status);
        result.put("environment", evaluation.to());
        result.put("application", evaluation.release().application());
        result.put("version", evaluation.release().version());
        result.put("digest", evaluation.digest().toString());
        result.put("files", ReleaseJson.files(evaluation.release()));
        result.put("location", location);
        result.put("gates", (List<?>) evaluation.toTree().get("gates"));
        return result;
    }

    /** The step's error when the promotion did not happen: every failing precondition with its remedy, or the repository's reason. */
    public static String failure(PromotionOutcome outcome) {
        if (!outcome.evaluation().passed()) {
            return "promoteArtifact refused: " + outcome.evaluation().report();
        }
        return "promoteArtifact " + (outcome.status() == PromotionOutcome.Status.REFUSED ? "refused" : "failed")
                + " after every gate held: " + String.join("; ", outcome.reasons());
    }
}
