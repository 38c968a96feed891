package io.jenkins.plugins.promotiongates.core.evidence.junit;

import java.util.ArrayList;
import java.util.List;

/**
 * What test reports say: how many test cases ran, failed, ended in an error or were skipped, the failing
 * ones (the first {@link #KEPT}), and suites whose declared counts hide failures. Built by
 * {@link JUnitXmlReader} from XML, or by the glue from the JUnit plugin's results.
 *
 * @param tests test cases listed (skipped ones included)
 * @param failures test cases with a failure
 * @param errors test cases with an error
 * @param skipped test cases skipped
 * @param failed the first failing test cases
 * @param inconsistencies suites that declare more failures or errors than they list
 */
public record TestReport(
        int tests, int failures, int errors, int skipped, List<FailedTest> failed, List<String> inconsistencies) {

    /** Failing test cases kept by name; the counts go on past it. */
    public static final int KEPT = 100;

    public TestReport {
        failed = List.copyOf(failed.size() > KEPT ? failed.subList(0, KEPT) : failed);
        inconsistencies = List.copyOf(inconsistencies);
    }

    /** No tests at all. */
    public static final TestReport EMPTY = new TestReport(0, 0, 0, 0, List.of(), List.of());

    /** The two reports together, as one run of all their tests. */
    public TestReport plus(TestReport other) {
        List<FailedTest> allFailed = new ArrayList<>(failed);
        allFailed.addAll(other.failed);
        List<String> allInconsistencies = new ArrayList<>(inconsistencies);
        allInconsistencies.addAll(other.inconsistencies);
        return new TestReport(
                tests + other.tests,
                failures + other.failures,
                errors + other.errors,
                skipped + other.skipped,
                allFailed,
                allInconsistencies);
    }
}
