package hudson.tasks.test;

import hudson.model.HealthReportingAction;
import jenkins.model.RunAction2;
import jenkins.model.Tab;

/**
 * Stand-in: hudson.tasks.test.AbstractTestResultAction (junit plugin), the counts of the test results a run
 * recorded.
 */
public abstract class AbstractTestResultAction<T extends AbstractTestResultAction> extends Tab
        implements HealthReportingAction, RunAction2 {

    protected AbstractTestResultAction() {
        super(null);
    }

    public abstract int getFailCount();

    public int getSkipCount() {
        return 0;
    }

    public abstract int getTotalCount();
}
