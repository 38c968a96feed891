package io.jenkins.plugins.promotiongates.gates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.User;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.steps.RequireApprovalsStepJenkinsTest.Fixture;
import java.util.List;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;

/**
 * A person who starts an upstream job that triggers the gated one is one of its starters and may not
 * approve: the run's upstream causes are walked, however deep. Engine twin: {@code UpstreamStarterTest}.
 */
public class UpstreamStarterJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    /** A finished run of a new job, with {@code cause}. */
    private WorkflowRun finished(String name, Cause cause) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("echo 'triggering downstream'", true));
        return j.assertBuildStatusSuccess(job.scheduleBuild2(0, new CauseAction(cause)));
    }

    /** The gated job, triggered by {@code upstream} as {@code build job:} would: with an upstream cause only. */
    private WorkflowRun triggeredBy(WorkflowRun upstream) throws Exception {
        WorkflowJob gated = j.createProject(WorkflowJob.class, "gated");
        gated.setDefinition(new CpsFlowDefinition(Fixture.SCRIPT, true));
        WorkflowRun run = gated.scheduleBuild2(0, new CauseAction(new Cause.UpstreamCause(upstream)))
                .waitForStart();
        j.waitForMessage("waits for approvals", run);
        return run;
    }

    @Test
    public void theStarterOfTheUpstreamRunIsRefusedAsApprover() throws Exception {
        Fixture.configure(j);
        WorkflowRun run = triggeredBy(finished("upstream", new Cause.UserIdCause("alice")));
        Page refused = Fixture.decide(j, "alice", run, "approve", "");
        assertEquals(403, Fixture.status(refused));
        assertEquals("text/plain", refused.getWebResponse().getContentType());
        assertThat(Fixture.body(refused), containsString("started this run or a run upstream of it"));
        assertThat(Fixture.body(refused), containsString("environments[staging].starterMayNotApprove"));
        assertEquals(
                0,
                run.getAction(ApprovalsAction.class)
                        .snapshot("staging")
                        .decisions()
                        .size());
        assertEquals(200, Fixture.status(Fixture.decide(j, "bob", run, "approve", "")));
        assertEquals(200, Fixture.status(Fixture.decide(j, "carol", run, "approve", "")));
        j.assertBuildStatusSuccess(j.waitForCompletion(run));
        assertEquals(
                GateState.APPROVED,
                run.getAction(ApprovalsAction.class).snapshot("staging").state());
    }

    @Test
    public void startersTwoLevelsUpAreStartersToo() throws Exception {
        Fixture.configure(j);
        WorkflowRun top = finished("top", new Cause.UserIdCause("bob"));
        WorkflowRun middle = finished("middle", new Cause.UpstreamCause(top));
        WorkflowRun run = triggeredBy(middle);
        assertEquals(403, Fixture.status(Fixture.decide(j, "bob", run, "approve", "")));
        assertEquals(
                List.of("bob"),
                List.copyOf(run.getAction(ApprovalsAction.class)
                        .snapshot("staging")
                        .parties()
                        .starters()));
        Fixture.decide(j, "carol", run, "reject", "cleanup");
        j.waitForCompletion(run);
    }

    @Test
    public void theUserAPipelineRunsAsIsAStarterToo() throws Exception {
        Fixture.configure(j);
        // An administrator's authorization strategy makes the gated job run as dave (Authorize Project).
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate("gated", User.getById("dave", true).impersonate2()));
        WorkflowRun run = triggeredBy(finished("upstream", new Cause.UserIdCause("bob")));
        assertEquals(
                List.of("bob", "dave"),
                List.copyOf(run.getAction(ApprovalsAction.class)
                        .snapshot("staging")
                        .parties()
                        .starters()));
        assertEquals(403, Fixture.status(Fixture.decide(j, "dave", run, "approve", "")));
        Fixture.decide(j, "carol", run, "reject", "cleanup");
        j.waitForCompletion(run);
    }
}
