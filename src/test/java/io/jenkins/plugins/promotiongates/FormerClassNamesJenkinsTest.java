package io.jenkins.plugins.promotiongates;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Result;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.gates.ApprovalsAction;
import io.jenkins.plugins.promotiongates.steps.GateClosedInterruption;
import io.jenkins.plugins.promotiongates.steps.RequireApprovalsStepJenkinsTest.Fixture;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jenkins.model.CauseOfInterruption;
import jenkins.model.InterruptedBuildAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A run stored by an earlier version, whose build.xml names the classes by their former names, loads in a
 * controller with its Approvals page and the reason its gate stopped it ({@link FormerClassNames}). Offline
 * twin: {@code FormerClassNamesTest}.
 */
public class FormerClassNamesJenkinsTest {

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void aRejectedRunStoredWithTheFormerNamesLoadsWithItsGateAndItsReason() throws Exception {
        Fixture.configure(j);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(Fixture.SCRIPT, true));
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", b);
        Fixture.decide(j, "bob", b, "reject", "not yet");
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));

        // Write build.xml back as the earlier version did: the same data under the former class names.
        Path buildXml = new File(b.getRootDir(), "build.xml").toPath();
        String xml = Files.readString(buildXml, StandardCharsets.UTF_8);
        for (Map.Entry<String, Class<?>> renamed : FormerClassNames.IN_BUILD_XML.entrySet()) {
            xml = xml.replace(renamed.getValue().getName(), renamed.getKey());
        }
        assertTrue(xml, xml.contains("io.jenkins.plugins.promotiongates.approvals.ApprovalsAction"));
        assertTrue(xml, xml.contains("io.jenkins.plugins.promotiongates.approvals.GateClosedInterruption"));
        Files.writeString(buildXml, xml, StandardCharsets.UTF_8);

        j.jenkins.reload();

        WorkflowRun loaded = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
        ApprovalsAction approvals = loaded.getAction(ApprovalsAction.class);
        assertNotNull("the Approvals action loads from its former name", approvals);
        assertEquals(GateState.REJECTED, approvals.snapshot("staging").state());
        assertEquals("Ship it", approvals.getGates().get(0).getMessage());
        InterruptedBuildAction interrupted = loaded.getAction(InterruptedBuildAction.class);
        assertNotNull(interrupted);
        boolean found = false;
        for (CauseOfInterruption cause : interrupted.getCauses()) {
            found |= cause instanceof GateClosedInterruption;
        }
        assertTrue("the reason the gate stopped the run loads from its former name", found);
        // Saving writes the new names: the aliases only read.
        loaded.save();
        String saved = Files.readString(buildXml, StandardCharsets.UTF_8);
        assertFalse(saved, saved.contains("io.jenkins.plugins.promotiongates.approvals."));
        assertTrue(saved, saved.contains(ApprovalsAction.class.getName()));
    }
}
