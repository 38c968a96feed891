package io.jenkins.plugins.promotiongates.core.evidence.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy's settings for metrics evidence: the bounds of each metric that must be in the file.
 *
 * @param bounds one per metric, names unique
 */
public record MetricsSettings(List<MetricBound> bounds) {

    /**
     * @throws IllegalArgumentException naming the setting: no bounds, or a metric bounded twice
     */
    public MetricsSettings {
        if (bounds == null || bounds.isEmpty()) {
            throw new IllegalArgumentException(
                    "metrics.bounds is empty: name at least one metric with its min or max, such as p95LatencyMs at"
                            + " most 250");
        }
        Set<String> names = new HashSet<>();
        for (MetricBound bound : bounds) {
            if (!names.add(bound.name())) {
                throw new IllegalArgumentException("metrics.bounds names '" + bound.name()
                        + "' twice; give it one entry with both its min and max");
            }
        }
        bounds = List.copyOf(bounds);
    }
}
