package io.jenkins.plugins.promotiongates.core.evidence.metrics;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * The bounds of one metric, both inclusive; at least one is set.
 *
 * @param name the metric's key in the metrics file, such as {@code p95LatencyMs}
 * @param min the smallest value allowed, or empty
 * @param max the largest value allowed, or empty
 */
public record MetricBound(String name, OptionalDouble min, OptionalDouble max) {

    /**
     * @throws IllegalArgumentException naming the metric and what is wrong with its bounds
     */
    public MetricBound {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "metrics.bounds: a bound has no metric name; give the key in the metrics file, such as"
                            + " p95LatencyMs");
        }
        String setting = "metrics.bounds['" + name + "']";
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException(setting + " has neither min nor max; set one or both");
        }
        if (min.isPresent() && !Double.isFinite(min.getAsDouble())
                || max.isPresent() && !Double.isFinite(max.getAsDouble())) {
            throw new IllegalArgumentException(setting + ": min and max are finite numbers");
        }
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException(setting + " has min " + text(min.getAsDouble()) + " above max "
                    + text(max.getAsDouble()) + "; swap them");
        }
    }

    /** A metric that must be at most {@code max}. */
    public static MetricBound atMost(String name, double max) {
        return new MetricBound(name, OptionalDouble.empty(), OptionalDouble.of(max));
    }

    /** A metric that must be at least {@code min}. */
    public static MetricBound atLeast(String name, double min) {
        return new MetricBound(name, OptionalDouble.of(min), OptionalDouble.empty());
    }

    /** Why {@code value} is out of bounds, or empty when it is within them. */
    public String problem(double value) {
        if (min.isPresent() && value < min.getAsDouble()) {
            return "is " + text(value) + ", below the minimum " + text(min.getAsDouble());
        }
        if (max.isPresent() && value > max.getAsDouble()) {
            return "is " + text(value) + ", above the maximum " + text(max.getAsDouble());
        }
        return "";
    }

    /** A number as people write it: {@code 250}, {@code 0.25}. */
    static String text(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
