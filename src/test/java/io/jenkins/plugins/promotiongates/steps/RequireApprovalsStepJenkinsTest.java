package io.jenkins.plugins.promotiongates.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.promotiongates.config.ApprovalRuleConfig;
import io.jenkins.plugins.promotiongates.config.BreakGlassConfig;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.gates.ApprovalsAction;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * requireApprovals end to end: quorum, separation of duties, veto, timeout, POST-only and the
 * permission matrix. Engine twin: {@code RequireApprovalsScenariosTest}.
 */
public class RequireApprovalsStepJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowRun start(String script, String starter) throws Exception {
        Fixture.configure(j);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause(starter)))
                .waitForStart();
        j.waitForMessage("waits for approvals", b);
        return b;
    }

    private static GateSnapshot gate(WorkflowRun b) {
        return b.getAction(ApprovalsAction.class).snapshot("staging");
    }

    @Test
    public void twoOfThreeApprovalsLetTheRunContinueWithTheDecisions() throws Exception {
        WorkflowRun b = start(Fixture.SCRIPT, "sam");
        j.assertLogContains("Ship it: gate 'staging' for staging waits for approvals (0 of 2", b);
        // the two links on their own line, separated (the console notes of the links sit before each text)
        j.assertLogContains("Approve or reject | ", b);
        assertEquals(200, Fixture.status(Fixture.decide(j, "alice", b, "approve", "")));
        assertEquals(
                "1 of 2",
                b.getAction(ApprovalsAction.class)
                        .getGates()
                        .get(0)
                        .getEvidence()
                        .getProgress());
        assertEquals(200, Fixture.status(Fixture.decide(j, "bob", b, "approve", "looks good")));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("state=APPROVED decisions=[alice, bob]", b);
        assertEquals(GateState.APPROVED, gate(b).state());
    }

    @Test
    public void theStarterCannotApprove() throws Exception {
        WorkflowRun b = start(Fixture.SCRIPT, "alice");
        Page refused = Fixture.decide(j, "alice", b, "approve", "");
        assertEquals(403, Fixture.status(refused));
        assertThat(Fixture.body(refused), containsString("environments[staging].starterMayNotApprove"));
        assertEquals(0, gate(b).decisions().size());
        Fixture.decide(j, "bob", b, "reject", "cleanup");
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
    }

    @Test
    public void aUserInNoRuleCannotDecideNorSeesTheGateAsTheirs() throws Exception {
        WorkflowRun b = start(Fixture.SCRIPT, "sam");
        Page refused = Fixture.decide(j, "mallory", b, "approve", "");
        assertEquals(403, Fixture.status(refused));
        assertThat(Fixture.body(refused), containsString("is not eligible under environments[staging].approvalRules"));
        JenkinsRule.WebClient mallory = j.createWebClient().login("mallory");
        JSONObject none = mallory.getJSON("promotion-approvals/api/json").getJSONObject();
        assertEquals(0, none.getJSONArray("gates").size());
        JenkinsRule.WebClient carol = j.createWebClient().login("carol");
        JSONObject mine = carol.getJSON("promotion-approvals/api/json").getJSONObject();
        assertEquals("staging", mine.getJSONArray("gates").getJSONObject(0).getString("id"));
        Fixture.decide(j, "carol", b, "reject", "cleanup");
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
    }

    @Test
    public void theSameUserTwiceCountsOnce() throws Exception {
        WorkflowRun b = start(Fixture.SCRIPT, "sam");
        assertEquals(200, Fixture.status(Fixture.decide(j, "alice", b, "approve", "")));
        assertEquals(200, Fixture.status(Fixture.decide(j, "alice", b, "approve", "again")));
        assertEquals(1, gate(b).decisions().size());
        assertEquals(GateState.WAITING, gate(b).state());
        assertEquals(200, Fixture.status(Fixture.decide(j, "carol", b, "approve", "")));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("decisions=[alice, carol]", b);
    }

    @Test
    public void aRejectionAbortsTheRunWithTheRejecterAndComment() throws Exception {
        WorkflowRun b = start(Fixture.SCRIPT, "sam");
        Fixture.decide(j, "alice", b, "approve", "");
        Page withoutComment = Fixture.decide(j, "bob", b, "reject", "");
        assertEquals(400, Fixture.status(withoutComment));
        assertEquals(200, Fixture.status(Fixture.decide(j, "bob", b, "reject", "not ready")));
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("Approval gate 'staging' for staging rejected by bob: not ready", b);
        String log = JenkinsRule.getLog(b);
        assertEquals(
                "the close reason once, not again when the aborted run ends",
                log.indexOf("rejected by bob: not ready"),
                log.lastIndexOf("rejected by bob: not ready"));
        assertEquals(GateState.REJECTED, gate(b).state());
    }

    @Test
    public void theTimeoutAbortsTheRunWithTheReason() throws Exception {
        WorkflowRun b = start("requireApprovals environment: 'staging', timeout: '3s'", "sam");
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogContains("Approval gate 'staging' for staging timed out: no decision before the gate timeout", b);
        assertEquals(GateState.TIMED_OUT, gate(b).state());
    }

    @Test
    public void approveRefusesGet() throws Exception {
        WorkflowRun b = start(Fixture.SCRIPT, "sam");
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login("alice");
        Page page = wc.getPage(new WebRequest(
                new URL(j.getURL(), b.getUrl() + "approvals/staging/approve?comment=x"), HttpMethod.GET));
        assertEquals(405, Fixture.status(page));
        assertEquals(0, gate(b).decisions().size());
        Fixture.decide(j, "bob", b, "reject", "cleanup");
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
    }

    @Test
    public void permissionMatrix() throws Exception {
        WorkflowRun b = start(Fixture.SCRIPT, "sam");
        // No Item/Read: the run is not even visible.
        assertEquals(404, Fixture.status(Fixture.decide(j, "eve", b, "approve", "")));
        // An administrator is not an implicit approver...
        assertEquals(403, Fixture.status(Fixture.decide(j, "root", b, "approve", "")));
        // ...and break-glass needs Overall/Administer as well as being named; only then is its form shown.
        assertThat(Fixture.page(j, "root", b), containsString("breakglass-staging"));
        assertThat(Fixture.page(j, "alice", b), not(containsString("breakglass-staging")));
        assertEquals(403, Fixture.status(Fixture.decide(j, "alice", b, "breakGlass", "urgent")));
        assertEquals(0, gate(b).decisions().size());
        assertEquals(200, Fixture.status(Fixture.decide(j, "root", b, "breakGlass", "production outage")));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals(GateState.BROKEN_GLASS, gate(b).state());
        j.assertLogContains("BREAK-GLASS by root: production outage", b);
    }

    /**
     * Bound to a release digest, the gate opens outside {@code node}: nothing is read, no workspace or agent
     * is needed, and the page shows the digest and that its files are not known here.
     */
    @Test
    public void aGateBoundToAReleaseDigestWaitsOutsideNodeAndShowsIt() throws Exception {
        String digest = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        WorkflowRun b = start(
                "def gate = requireApprovals environment: 'staging', digest: '" + digest + "'\n"
                        + "echo \"state=${gate.state} digest=${gate.artifactDigest}\"",
                "sam");
        j.assertLogContains(
                "approvals are bound to release digest " + digest + " (not promoted on this controller yet", b);
        JSONObject page = j.createWebClient()
                .login("alice")
                .getJSON(b.getUrl() + "approvals/staging/api/json")
                .getJSONObject();
        assertEquals("DIGEST", page.getJSONObject("release").getString("kind"));
        assertEquals(digest, page.getJSONObject("release").getString("digest"));
        assertEquals(0, page.getJSONObject("release").getJSONArray("files").size());
        assertEquals(digest, page.getJSONObject("evidence").getString("artifactDigest"));
        assertEquals(200, Fixture.status(Fixture.decide(j, "alice", b, "approve", "", digest)));
        assertEquals(200, Fixture.status(Fixture.decide(j, "bob", b, "approve", "", digest)));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("state=APPROVED digest=" + digest, b);
    }

    /** files: reads the workspace: outside node the step says so and what to do instead, and opens no gate. */
    @Test
    public void filesOutsideNodeAreRefusedNamingArchivedAsTheWayWithoutAWorkspace() throws Exception {
        Fixture.configure(j);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "requireApprovals environment: 'staging', files: 'dist/*', version: '1.0.0'", true));
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("requireApprovals files: 'dist/*' reads the workspace, and this call has none", b);
        j.assertLogContains("name them with archived: instead, which needs no workspace", b);
        p.setDefinition(new CpsFlowDefinition("requireApprovals environment: 'staging', archived: 'dist/*'", true));
        j.assertLogContains(
                "requireApprovals archived: 'dist/*' binds the approvals to a release, and a release has a version",
                j.buildAndAssertStatus(Result.FAILURE, p));
    }

    @Test
    public void noBreakGlassFormWherePolicyForbidsIt() throws Exception {
        Fixture.configure(j);
        PromotionGatesConfiguration.get().getEnvironments().get(0).setBreakGlass(null);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(Fixture.SCRIPT, true));
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", b);
        assertThat(Fixture.page(j, "root", b), not(containsString("breakglass-staging")));
        assertEquals(403, Fixture.status(Fixture.decide(j, "root", b, "breakGlass", "outage")));
        Fixture.decide(j, "bob", b, "reject", "cleanup");
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
    }

    @Test
    public void aWaitingGatePausesItsNodeUntilItCloses() throws Exception {
        WorkflowRun b = start(Fixture.SCRIPT, "sam");
        FlowNode node = pausedNode(b);
        assertNotNull("the step's node carries the pause marker", node);
        assertTrue(PauseAction.isPaused(node));
        Fixture.decide(j, "alice", b, "approve", "");
        Fixture.decide(j, "bob", b, "approve", "");
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        FlowNode after = b.getExecution().getNode(node.getId());
        assertFalse("the pause ends with the gate", PauseAction.isPaused(after));
        assertTrue(PauseAction.getPauseDuration(after) >= 0);
    }

    private static FlowNode pausedNode(WorkflowRun b) {
        for (FlowNode node : new DepthFirstScanner().allNodes(b.getExecution())) {
            PauseAction pause = PauseAction.getCurrentPause(node);
            if (pause != null && GatePause.CAUSE.equals(pause.getCause())) {
                return node;
            }
        }
        return null;
    }

    /**
     * What the requireApprovals Jenkins tests share: environment "staging" (2 of alice, bob, carol;
     * break-glass for root), the people, and crumbed POSTs as a logged-in user. The engine twin is
     * {@code RequireApprovalsScenariosTest}.
     */
    public static final class Fixture {

        public static final String SCRIPT = "def gate = requireApprovals environment: 'staging', message: 'Ship it'\n"
                + "echo \"state=${gate.state} decisions=${gate.decisions.collect { it.user }}\"";

        private Fixture() {}

        /** Realm with alice, bob, carol, mallory, sam (read), eve (Overall/Read only) and root (administrator). */
        public static void secure(JenkinsRule j) {
            JenkinsRule.DummySecurityRealm realm = j.createDummySecurityRealm();
            realm.addGroups("root", "admins");
            j.jenkins.setSecurityRealm(realm);
            j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                    .grant(Jenkins.READ, Item.READ)
                    .everywhere()
                    .to("alice", "bob", "carol", "mallory", "sam")
                    .grant(Jenkins.READ)
                    .everywhere()
                    .to("eve")
                    .grant(Jenkins.ADMINISTER)
                    .everywhere()
                    .to("root"));
        }

        public static void configure(JenkinsRule j) {
            secure(j);
            ApprovalRuleConfig rule = new ApprovalRuleConfig();
            rule.setName("release");
            rule.setUsers("alice, bob, carol");
            rule.setCount(2);
            BreakGlassConfig glass = new BreakGlassConfig();
            glass.setAllowed(true);
            glass.setUsers("root");
            EnvironmentConfig staging = new EnvironmentConfig("staging");
            staging.setApprovalRules(List.of(rule));
            staging.setGateTimeout("1h");
            staging.setBreakGlass(glass);
            PromotionGatesConfiguration.get().setEnvironments(List.of(staging));
        }

        /** The policy digest the gate's page shows, which the page posts back with a decision. */
        public static String policyDigest(WorkflowRun run, String gateId) {
            return run.getAction(ApprovalsAction.class).snapshot(gateId).policyDigest();
        }

        /** POSTs {@code action} (approve, reject, breakGlass) to the gate as {@code user}, with a crumb. */
        public static Page decide(JenkinsRule j, String user, WorkflowRun run, String action, String comment)
                throws Exception {
            return decide(j, user, run, action, comment, "");
        }

        /** As {@link #decide}, with the artifact digest the page of a gate bound to one shows. */
        public static Page decide(
                JenkinsRule j, String user, WorkflowRun run, String action, String comment, String artifactDigest)
                throws Exception {
            JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
            wc.login(user);
            String field = action.equals("breakGlass") ? "justification" : "comment";
            WebRequest request =
                    new WebRequest(new URL(j.getURL(), run.getUrl() + "approvals/staging/" + action), HttpMethod.POST);
            List<NameValuePair> parameters = new ArrayList<>();
            parameters.add(new NameValuePair(field, comment));
            parameters.add(new NameValuePair("artifactDigest", artifactDigest));
            parameters.add(new NameValuePair("policyDigest", policyDigest(run, "staging")));
            request.setRequestParameters(parameters);
            wc.addCrumb(request);
            return wc.getPage(request);
        }

        /** The gate's page as {@code user} sees it. */
        public static String page(JenkinsRule j, String user, WorkflowRun run) throws Exception {
            return j.createWebClient()
                    .login(user)
                    .goTo(run.getUrl() + "approvals/staging/")
                    .getWebResponse()
                    .getContentAsString();
        }

        public static int status(Page page) {
            return page.getWebResponse().getStatusCode();
        }

        public static String body(Page page) {
            return page.getWebResponse().getContentAsString();
        }
    }
}
