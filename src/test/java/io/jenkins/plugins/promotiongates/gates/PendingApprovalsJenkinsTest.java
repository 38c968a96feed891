package io.jenkins.plugins.promotiongates.gates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.promotiongates.steps.RequireApprovalsStepJenkinsTest.Fixture;
import io.jenkins.plugins.promotiongates.ui.HomePageLinks;
import jenkins.management.Badge;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * My approvals lists only the gates the reader may act on, with their count on the side-panel link;
 * Waiting gates lists every waiting gate the reader can see. Read as an approver (alice, carol), the
 * run's starter (sam), a person no rule names (mallory), an administrator (root) and a user who cannot
 * read the job (eve). Engine twin: {@code DecisionAbilityTest} ({@code awaitsYou}).
 */
public class PendingApprovalsJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowRun start() throws Exception {
        Fixture.configure(j);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        // the archived release: one file the controller reads from the run's artifacts
        p.setDefinition(new CpsFlowDefinition(
                "node { writeFile file: 'app.txt', text: 'app'; archiveArtifacts artifacts: 'app.txt' }\n"
                        + "requireApprovals environment: 'staging', message: 'Ship it', archived: 'app.txt',"
                        + " version: '1.0.0'",
                true));
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", b);
        return b;
    }

    private JSONArray gates(String user, String page) throws Exception {
        return j.createWebClient()
                .login(user)
                .getJSON(page + "/api/json")
                .getJSONObject()
                .getJSONArray("gates");
    }

    private String html(String user, String page) throws Exception {
        return j.createWebClient().login(user).goTo(page + "/").getWebResponse().getContentAsString();
    }

    private static Badge badge(String user) {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            HomePageLinks.SidePanelLink link = (HomePageLinks.SidePanelLink)
                    new HomePageLinks().createFor(null).get(1);
            return link.getBadge();
        }
    }

    @Test
    public void myApprovalsListsOnlyTheGatesTheReaderMayActOnWithTheirCount() throws Exception {
        WorkflowRun b = start();
        assertEquals(1, gates("alice", "promotion-approvals").size());
        assertEquals(1, gates("carol", "promotion-approvals").size());
        for (String user : new String[] {"sam", "mallory", "root"}) {
            assertEquals(user, 0, gates(user, "promotion-approvals").size());
            assertThat(html(user, "promotion-approvals"), containsString("Nothing waits for you."));
            assertNull(user, badge(user));
        }
        String alice = html("alice", "promotion-approvals");
        assertThat(alice, containsString("My approvals"));
        assertThat(alice, containsString(b.getUrl() + "approvals/staging/"));
        assertThat(alice, containsString(">1.0.0<"));
        assertThat(alice, containsString("closes in "));
        assertEquals("1", badge("alice").getText());
        assertThat(html("alice", ""), containsString("My approvals"));

        // once alice's approval counts, the gate no longer waits for her; it still waits for carol
        assertEquals(200, Fixture.status(Fixture.decide(j, "alice", b, "approve", "", digest(b))));
        assertEquals(0, gates("alice", "promotion-approvals").size());
        assertNull(badge("alice"));
        assertEquals(1, gates("carol", "promotion-approvals").size());
        assertEquals("1", badge("carol").getText());
        Fixture.decide(j, "carol", b, "reject", "cleanup", digest(b));
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(0, gates("carol", "promotion-approvals").size());
    }

    @Test
    public void waitingGatesListsEveryWaitingGateTheReaderCanSeeAndWhyTheyMayNotDecide() throws Exception {
        WorkflowRun b = start();
        for (String user : new String[] {"alice", "sam", "mallory", "root"}) {
            JSONArray gates = gates(user, "waiting-gates");
            assertEquals(user, 1, gates.size());
            JSONObject gate = gates.getJSONObject(0);
            assertEquals("staging", gate.getString("environment"));
            assertEquals("1.0.0", gate.getJSONObject("release").getString("version"));
        }
        assertThat(html("mallory", "waiting-gates"), containsString("You cannot decide: no approval rule of staging"));
        assertThat(html("sam", "waiting-gates"), containsString("You cannot decide: you started this run"));
        assertThat(html("alice", "waiting-gates"), containsString("You may approve or reject"));
        // eve may not read the job: she sees no gate at all
        assertEquals(0, gates("eve", "waiting-gates").size());
        assertThat(html("eve", "waiting-gates"), not(containsString(b.getUrl())));
        Fixture.decide(j, "bob", b, "reject", "cleanup", digest(b));
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(0, gates("alice", "waiting-gates").size());
    }

    /** The digest the gate is bound to, which its page posts back with a decision. */
    private static String digest(WorkflowRun b) {
        return b.getAction(ApprovalsAction.class)
                .snapshot("staging")
                .artifactDigest()
                .toString();
    }
}
