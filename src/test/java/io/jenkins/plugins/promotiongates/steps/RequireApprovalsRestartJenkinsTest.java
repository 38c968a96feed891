package io.jenkins.plugins.promotiongates.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.gates.ApprovalsAction;
import io.jenkins.plugins.promotiongates.gates.LiveGate;
import io.jenkins.plugins.promotiongates.gates.LiveGates;
import io.jenkins.plugins.promotiongates.steps.RequireApprovalsStepJenkinsTest.Fixture;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * A gate survives a controller restart between its first and second approval, and the second approval
 * reaches the execution of the restarted controller, not the stale one of the previous instance still in
 * the JVM (LiveGates is one registry per Jenkins instance). Engine twin:
 * {@code RequireApprovalsScenariosTest#aRestartBetweenTheFirstAndSecondApprovalStillCompletes}.
 */
public class RequireApprovalsRestartJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void aRestartBetweenTheFirstAndSecondApprovalStillCompletes() throws Throwable {
        sessions.then(j -> {
            Fixture.configure(j);
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(Fixture.SCRIPT, true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("waits for approvals", b);
            assertEquals(200, Fixture.status(Fixture.decide(j, "alice", b, "approve", "")));
            assertEquals(
                    1,
                    b.getAction(ApprovalsAction.class)
                            .snapshot("staging")
                            .decisions()
                            .size());
        });
        sessions.then(j -> {
            Fixture.secure(j);
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            assertTrue(b.isBuilding());
            assertEquals(
                    1,
                    b.getAction(ApprovalsAction.class)
                            .snapshot("staging")
                            .decisions()
                            .size());
            // The decision goes to this instance's execution, found through the run's program once it has
            // loaded, never to the pre-restart one (same id) still in the JVM; no gate of another instance is live.
            RequireApprovalsExecution execution = (RequireApprovalsExecution) LiveGates.find(b, "staging");
            assertNotNull(execution);
            assertSame(b, execution.getContext().get(Run.class));
            for (LiveGate live : LiveGates.all()) {
                assertSame(b, live.run());
            }
            assertEquals(200, Fixture.status(Fixture.decide(j, "bob", b, "approve", "")));
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            assertTrue(LiveGates.all().isEmpty());
            j.assertLogContains("state=APPROVED decisions=[alice, bob]", b);
            assertEquals(
                    GateState.APPROVED,
                    b.getAction(ApprovalsAction.class).snapshot("staging").state());
            String xml = Files.readString(new File(b.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
            assertFalse(xml, xml.contains(RequireApprovalsExecution.class.getName()));
        });
    }
}
