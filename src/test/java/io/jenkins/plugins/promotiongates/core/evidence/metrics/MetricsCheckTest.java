package io.jenkins.plugins.promotiongates.core.evidence.metrics;

import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.anyContext;
import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.document;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.Test;

/** A performance budget: named numbers within bounds; missing or non-numbers fail. */
public class MetricsCheckTest {

    private static final MetricsSettings BUDGET = new MetricsSettings(List.of(
            MetricBound.atMost("p95LatencyMs", 250),
            MetricBound.atLeast("throughputRps", 1000),
            new MetricBound("errorRate", OptionalDouble.of(0), OptionalDouble.of(0.01))));

    private static EvidenceVerdict check(EvidenceDocument... files) {
        return new MetricsCheck(BUDGET, EvidenceLimits.DEFAULT).evaluate(List.of(files), anyContext());
    }

    @Test
    public void metricsWithinTheirBoundsPass() {
        EvidenceVerdict verdict = check(document(
                "perf.json",
                "{\"p95LatencyMs\": 250, \"throughputRps\": 1200.5, \"errorRate\": 0.001, \"other\": \"x\"}"));
        assertTrue(verdict.line(), verdict.passed());
        assertEquals(
                "every metric within its bounds: p95LatencyMs 250, throughputRps 1200.5, errorRate 0.001",
                verdict.message());
    }

    @Test
    public void everyMetricOutOfBoundsMissingOrNotANumberIsReported() {
        EvidenceVerdict verdict =
                check(document("perf.json", "{\"p95LatencyMs\": 340, \"throughputRps\": \"fast\", \"errorRate\": -1}"));
        assertEquals(
                List.of(
                        "metric 'p95LatencyMs' is 340, above the maximum 250",
                        "metric 'throughputRps' is '\"fast\"', not a number",
                        "metric 'errorRate' is -1, below the minimum 0"),
                verdict.problems());
        assertThat(verdict.remedy(), containsString("write metrics as JSON numbers"));
        EvidenceVerdict missing = check(document("perf.json", "{\"p95LatencyMs\": 100, \"errorRate\": null}"));
        assertEquals(
                List.of(
                        "metric 'throughputRps' is missing from the metrics files",
                        "metric 'errorRate' is 'null', not a number"),
                missing.problems());
    }

    @Test
    public void metricsMaySpanFilesButNotRepeat() {
        EvidenceVerdict verdict = check(
                document("latency.json", "{\"p95LatencyMs\": 100, \"errorRate\": 0}"),
                document("load.json", "{\"throughputRps\": 2000, \"errorRate\": 0}"));
        assertEquals(List.of("metric 'errorRate' is in both 'latency.json' and 'load.json'"), verdict.problems());
    }

    @Test
    public void hostileFilesAreRefused() {
        assertThat(
                check(document("perf.json", "[1, 2]")).problems().get(0),
                containsString("the metrics file 'perf.json' is not a JSON object"));
        assertThat(
                check(document("perf.json", "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"))
                        .problems()
                        .get(0),
                containsString("exceeds a reading limit (nesting at most 64 levels"));
        assertThat(
                check(document("perf.json", "{\"p95LatencyMs\": NaN}"))
                        .problems()
                        .get(0),
                containsString("the metrics file 'perf.json' is not valid JSON"));
        assertThat(
                check(document("perf.json", "{\"p95LatencyMs\": 1" + "0".repeat(200) + "}"))
                        .problems()
                        .get(0),
                containsString("exceeds a reading limit"));
    }

    @Test
    public void settingsNameWhatIsWrong() {
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> new MetricsSettings(List.of()))
                        .getMessage(),
                containsString("metrics.bounds is empty"));
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new MetricBound("x", OptionalDouble.empty(), OptionalDouble.empty()))
                        .getMessage(),
                containsString("metrics.bounds['x'] has neither min nor max"));
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new MetricBound("x", OptionalDouble.of(5), OptionalDouble.of(1)))
                        .getMessage(),
                containsString("metrics.bounds['x'] has min 5 above max 1; swap them"));
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new MetricsSettings(
                                        List.of(MetricBound.atMost("x", 1), MetricBound.atLeast("x", 0))))
                        .getMessage(),
                containsString("metrics.bounds names 'x' twice"));
    }
}
