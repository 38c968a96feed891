package io.jenkins.plugins.promotiongates.steps;

import hudson.model.Run;
import hudson.tasks.test.AbstractTestResultAction;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestReport;
import java.util.List;
import java.util.Optional;

/**
 * The test results a run recorded with the JUnit plugin's {@code junit} step, as counts for the tests
 * evidence. The JUnit plugin parses the reports on the agent, so these counts are what the build
 * reported; naming JUnit XML files of the release instead binds the results to the release digest.
 */
final class RunTestResults {

    private RunTestResults() {}

    static Optional<TestReport> of(Run<?, ?> run) {
        AbstractTestResultAction<?> action = run.getAction(AbstractTestResultAction.class);
        if (action == null) {
            return Optional.empty();
        }
        return Optional.of(new TestReport(
                action.getTotalCount(), action.getFailCount(), 0, action.getSkipCount(), List.of(), List.of()));
    }
}
