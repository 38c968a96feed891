package io.jenkins.plugins.promotiongates.core.evidence.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceCheck;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceContext;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceProblems;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRefusedException;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import io.jenkins.plugins.promotiongates.core.evidence.StrictJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Metrics evidence holds when every metric the policy bounds is in the metrics files, is a JSON number,
 * and is within its bounds. A metric missing, of another type, or given by two files is a failure.
 */
public final class MetricsCheck implements EvidenceCheck {

    private final MetricsSettings settings;
    private final StrictJson json;

    public MetricsCheck(MetricsSettings settings, EvidenceLimits limits) {
        this.settings = settings;
        this.json = new StrictJson(limits);
    }

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.METRICS;
    }

    @Override
    public EvidenceVerdict evaluate(List<EvidenceDocument> documents, EvidenceContext context) {
        EvidenceProblems problems = new EvidenceProblems(kind());
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, String> source = new HashMap<>();
        for (EvidenceDocument document : documents) {
            try {
                JsonNode tree = json.readObject(document.bytes(), "the metrics file '" + document.name() + "'");
                for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String earlier = source.putIfAbsent(field.getKey(), document.name());
                    if (earlier != null) {
                        problems.add(
                                "metric " + QuotedInput.of(field.getKey()) + " is in both '" + earlier + "' and '"
                                        + document.name() + "'",
                                "write each metric in one file");
                    }
                    values.putIfAbsent(field.getKey(), field.getValue());
                }
            } catch (EvidenceRefusedException e) {
                problems.add(e);
            }
        }
        List<String> within = new ArrayList<>();
        for (MetricBound bound : settings.bounds()) {
            JsonNode value = values.get(bound.name());
            String name = "metric '" + bound.name() + "'";
            if (value == null) {
                problems.add(
                        name + " is missing from the metrics files",
                        "have the build write every metric the policy bounds");
            } else if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                problems.add(
                        name + " is " + QuotedInput.of(value.toString()) + ", not a number",
                        "write metrics as JSON numbers, such as 240 or 0.25");
            } else {
                String problem = bound.problem(value.asDouble());
                if (problem.isEmpty()) {
                    within.add(bound.name() + " " + MetricBound.text(value.asDouble()));
                } else {
                    problems.add(
                            name + " " + problem,
                            "bring the metrics within the budget, or change metrics.bounds in the policy");
                }
            }
        }
        return problems.verdict(
                "every metric within its bounds: " + String.join(", ", within), "metrics outside the policy's budget");
    }
}
