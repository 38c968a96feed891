package io.jenkins.plugins.promotiongates.gates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Result;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.GateState;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.ledger.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.steps.RequireApprovalsStepJenkinsTest.Fixture;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The gate page read by an approver (alice, bob, carol), the run's starter (sam), a person no rule names
 * (mallory) and an administrator named for break-glass (root), and its forms submitted with crumbs.
 * Engine twins: {@code DecisionAbilityTest} (the first line), {@code PolicyInWordsApprovalsTest} (the policy),
 * {@code CountdownTest} (the deadline), {@code ApprovalGateTest} (the decisions).
 */
public class GatePageJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private static final String DIGEST = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private WorkflowRun start(String script) throws Exception {
        Fixture.configure(j);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", b);
        return b;
    }

    private WorkflowRun start() throws Exception {
        return start(Fixture.SCRIPT);
    }

    private static GateSnapshot gate(WorkflowRun b) {
        return b.getAction(ApprovalsAction.class).snapshot("staging");
    }

    private HtmlPage page(String user, WorkflowRun b) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login(user);
        return wc.goTo(b.getUrl() + "approvals/staging/");
    }

    private static String text(Page page) {
        return page.getWebResponse().getContentAsString();
    }

    @Test
    public void theFirstLineTellsEachReaderWhetherTheyMayDecideAndOnlyThoseWhoMayGetTheForm() throws Exception {
        WorkflowRun b = start();
        String approver = text(page("alice", b));
        assertThat(approver, containsString("You may approve or reject: you are eligible under rule "));
        assertThat(approver, containsString("decide-staging"));
        assertThat(approver, containsString("name=\"approve\""));
        assertThat(approver, not(containsString("breakglass-staging")));

        String starter = text(page("sam", b));
        assertThat(starter, containsString("You cannot decide: you started this run"));
        assertThat(starter, containsString("environments[staging].starterMayNotApprove"));
        assertThat(starter, not(containsString("decide-staging")));

        String outsider = text(page("mallory", b));
        assertThat(outsider, containsString("You cannot decide: no approval rule of staging names you"));
        assertThat(outsider, not(containsString("decide-staging")));

        String admin = text(page("root", b));
        assertThat(admin, containsString("You cannot decide: no approval rule of staging names you"));
        assertThat(admin, not(containsString("decide-staging")));
        assertThat(admin, containsString("breakglass-staging"));

        Fixture.decide(j, "bob", b, "reject", "cleanup");
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        String closed = text(page("alice", b));
        assertThat(closed, containsString("Nobody can decide any more: this gate closed as REJECTED"));
        assertThat(closed, not(containsString("decide-staging")));
    }

    @Test
    public void thePageSaysThePolicyInWordsWithACountdownAndNeverAsJson() throws Exception {
        WorkflowRun b = start();
        String page = text(page("alice", b));
        assertThat(page, containsString("release: 2 approvals from different people from alice, bob and carol."));
        assertThat(page, containsString("The gate waits at most 1 h for decisions"));
        assertThat(page, containsString("Break-glass is allowed for root"));
        assertThat(page, containsString("closes in "));
        assertThat(page, containsString(Fixture.policyDigest(b, "staging")));
        assertThat(page, not(containsString("approvalRules&quot;")));
        assertThat(page, not(containsString("\"approvalRules\"")));
        Fixture.decide(j, "bob", b, "reject", "cleanup");
        j.waitForCompletion(b);
    }

    @Test
    public void thePageSaysWhatIsReleasedFromWhereAndWhatItReplaces() throws Exception {
        EnvironmentInventory.get().current();
        ArtifactDigest held = ArtifactDigest.parse(
                "sha256:8f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "test digest");
        EnvironmentInventory.get()
                .add(new PromotionRecord(
                        "staging",
                        "",
                        Release.of("p", "0.9.0", new ReleaseFile("app.txt", held, 3)),
                        "elsewhere#7",
                        "job/elsewhere/7/",
                        Instant.parse("2025-06-01T08:00:00Z"),
                        "record-only:staging",
                        true,
                        false,
                        false,
                        List.of(),
                        List.of(),
                        "0".repeat(64),
                        null,
                        null));
        WorkflowRun b = start("requireApprovals environment: 'staging', digest: '" + DIGEST + "'");
        String page = text(page("alice", b));
        assertThat(page, containsString(DIGEST));
        assertThat(page, containsString("its files are not known here"));
        assertThat(page, containsString("not a branch job"));
        assertThat(page, containsString("0.9.0"));
        assertThat(page, containsString("since 2025-06-01T08:00:00Z"));
        assertThat("the promoting job is not readable, so not named", page, not(containsString("elsewhere#7")));
        assertThat(page, containsString("staging has not received p from this job yet"));
        assertThat(page, containsString("No changes."));
        JSONObject context = j.createWebClient()
                .login("alice")
                .getJSON(b.getUrl() + "approvals/staging/api/json")
                .getJSONObject()
                .getJSONObject("context");
        assertEquals("sam", context.getString("startedBy"));
        assertEquals("p", context.getString("application"));
        assertEquals("0.9.0", context.getString("replacedVersion"));
        assertEquals(held.toString(), context.getString("replacedDigest"));
        assertFalse("the promoting run of a job alice cannot read is not exported", context.has("replaces"));
        assertFalse(context.getBoolean("sameRelease"));
        assertEquals(0, context.getJSONArray("changes").size());
        Fixture.decide(j, "bob", b, "reject", "cleanup", DIGEST);
        j.waitForCompletion(b);
    }

    @Test
    public void approvingThroughTheFormRecordsItAndThePageThenSaysSo() throws Exception {
        WorkflowRun b = start();
        HtmlPage page = page("alice", b);
        HtmlForm form = page.getFormByName("decide-staging");
        form.getTextAreaByName("comment").setText("release notes checked");
        HtmlPage after = j.submit(form, "approve");
        assertEquals(200, after.getWebResponse().getStatusCode());
        assertEquals(1, gate(b).decisions().size());
        assertEquals("release notes checked", gate(b).decisions().get(0).comment());
        String text = after.getWebResponse().getContentAsString();
        assertThat(text, containsString("You approved at "));
        assertThat(text, containsString("You may still reject"));
        assertThat("approving again would change nothing", text, not(containsString("name=\"approve\"")));
        assertThat(text, containsString("name=\"reject\""));
        Fixture.decide(j, "bob", b, "approve", "");
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
    }

    @Test
    public void rejectingAsksForConfirmationFirstAndOnlyThenAbortsTheRun() throws Exception {
        WorkflowRun b = start();
        HtmlForm form = page("bob", b).getFormByName("decide-staging");
        form.getTextAreaByName("comment").setText("not ready");
        HtmlPage confirmation = j.submit(form, "reject");
        String text = confirmation.getWebResponse().getContentAsString();
        assertThat(text, containsString("Reject gate staging"));
        assertThat(text, containsString("A rejection is a veto"));
        assertThat(text, containsString("not ready"));
        assertEquals(
                "nothing is decided before the confirmation",
                0,
                gate(b).decisions().size());
        assertEquals(GateState.WAITING, gate(b).state());
        HtmlPage after = j.submit(confirmation.getFormByName("confirm-staging"), "confirm");
        assertEquals(200, after.getWebResponse().getStatusCode());
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(GateState.REJECTED, gate(b).state());
        assertEquals("not ready", gate(b).decisions().get(0).comment());
    }

    @Test
    public void aRefusedDecisionIsExplainedInThePageNotAsABareError() throws Exception {
        WorkflowRun b = start();
        // a rejection without a comment, confirmed: 400, the gate's page with the engine's reason
        HtmlPage confirmation = j.submit(page("bob", b).getFormByName("decide-staging"), "reject");
        HtmlPage refused = j.submit(confirmation.getFormByName("confirm-staging"), "confirm");
        assertEquals(400, refused.getWebResponse().getStatusCode());
        String text = refused.getWebResponse().getContentAsString();
        assertThat(text, containsString("Your decision was refused; nothing was recorded."));
        assertThat(text, containsString("A rejection is a veto and needs a comment saying why"));
        assertThat(text, containsString("your-turn-staging"));
        assertEquals(0, gate(b).decisions().size());

        // someone no rule names, posting as the page's form would: 403, explained in the page
        Page forbidden = post("mallory", b, "approve", "comment", "me too");
        assertEquals(403, forbidden.getWebResponse().getStatusCode());
        assertThat(forbidden.getWebResponse().getContentType(), containsString("html"));
        assertThat(text(forbidden), containsString("is not eligible under environments[staging].approvalRules"));

        // a stale page: the gate closed meanwhile: 409, the page shows how it ended
        HtmlForm stale = page("carol", b).getFormByName("decide-staging");
        Fixture.decide(j, "alice", b, "approve", "");
        Fixture.decide(j, "bob", b, "approve", "");
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        HtmlPage late = j.submit(stale, "approve");
        assertEquals(409, late.getWebResponse().getStatusCode());
        assertThat(late.getWebResponse().getContentAsString(), containsString("Your decision was refused"));
        assertThat(late.getWebResponse().getContentAsString(), containsString("this gate closed as APPROVED"));
    }

    @Test
    public void breakingTheGlassAsksForConfirmationFirst() throws Exception {
        WorkflowRun b = start();
        HtmlForm form = page("root", b).getFormByName("breakglass-staging");
        form.getTextAreaByName("justification").setText("production outage");
        HtmlPage confirmation = j.submit(form, "breakGlass");
        assertThat(
                confirmation.getWebResponse().getContentAsString(), containsString("Break the glass on gate staging"));
        assertEquals(GateState.WAITING, gate(b).state());
        j.submit(confirmation.getFormByName("confirm-staging"), "confirm");
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals(GateState.BROKEN_GLASS, gate(b).state());
        assertThat(text(page("alice", b)), containsString("BREAK-GLASS"));
    }

    /** POSTs to the gate as its page's forms do (onPage=true), with a crumb. */
    private Page post(String user, WorkflowRun b, String action, String field, String comment) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login(user);
        WebRequest request =
                new WebRequest(new URL(j.getURL(), b.getUrl() + "approvals/staging/" + action), HttpMethod.POST);
        request.setRequestParameters(new ArrayList<>(List.of(
                new NameValuePair(field, comment),
                new NameValuePair("artifactDigest", ""),
                new NameValuePair("policyDigest", Fixture.policyDigest(b, "staging")),
                new NameValuePair("onPage", "true"))));
        wc.addCrumb(request);
        return wc.getPage(request);
    }
}
