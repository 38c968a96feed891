package io.jenkins.plugins.promotiongates.ui;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import io.jenkins.plugins.promotiongates.config.ApprovalRuleConfig;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.FreezeConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The environment view on {@code /promotions/}: a release promoted through dev and staging, a gate waiting
 * for production, which is frozen and needs staging to soak; read as an approver, a person who may not
 * read the job, and an administrator, page and {@code api/json}. Engine twins: {@code EnvironmentMapTest},
 * {@code PromotionOrderTest}, {@code ChangeCalendarClosingTest}.
 */
public class PromotionsPageJenkinsTest {

    private static final String HOSTILE_REASON = "<img src=x onerror=alert(1)>";

    /** Within the 400 days the calendar looks ahead, so the page can say until when. */
    private static final Instant FREEZE_END =
            Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowRun run;

    @Before
    public void promoteThroughStagingAndWaitForProduction() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("alice", "sam")
                .grant(Jenkins.READ)
                .everywhere()
                .to("eve"));
        ApprovalRuleConfig rule = new ApprovalRuleConfig();
        rule.setUsers("alice");
        rule.setCount(1);
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setPromotedFrom("staging");
        production.setApprovalRules(List.of(rule));
        production.setSoakTime("2h");
        FreezeConfig freeze = new FreezeConfig("2020-01-01T00:00:00Z", FREEZE_END.toString());
        freeze.setReason(HOSTILE_REASON);
        production.setFreezes(List.of(freeze));
        EnvironmentConfig staging = new EnvironmentConfig("staging");
        staging.setPromotedFrom("dev");
        EnvironmentConfig dev = new EnvironmentConfig("dev");
        EnvironmentConfig sandbox = new EnvironmentConfig("sandbox");
        // The administrator's order is not the promotion order.
        PromotionGatesConfiguration.get().setEnvironments(List.of(production, sandbox, staging, dev));
        WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "shop");
        job.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  writeFile file: 'app.txt', text: 'hello\\n'\n"
                        + "  promoteArtifact artifact: 'app.txt', to: 'dev', version: '1.0.0'\n"
                        + "  promoteArtifact artifact: 'app.txt', from: 'dev', to: 'staging', version: '1.0.0'\n"
                        + "  requireApprovals environment: 'production', artifact: 'app.txt', version: '1.0.0',"
                        + " id: 'prod'\n"
                        + "}",
                true));
        run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("waits for approvals", run);
    }

    private JenkinsRule.WebClient user(String name) throws Exception {
        return j.createWebClient().login(name);
    }

    private static String read(JenkinsRule.WebClient client, String url) throws Exception {
        return client.goTo(url).getWebResponse().getContentAsString();
    }

    @Test
    public void anApproverSeesTheEnvironmentsInPromotionOrderWithReleaseGatesFreezeAndSoak() throws Exception {
        String page = read(user("alice"), "promotions/");
        int dev = page.indexOf("pg-stop-name\">dev<");
        int staging = page.indexOf("pg-stop-name\">staging<");
        int production = page.indexOf("pg-stop-name\">production<");
        int sandbox = page.indexOf("pg-stop-name\">sandbox<");
        assertThat("dev is shown", dev, greaterThan(-1));
        assertThat("dev before staging", dev, lessThan(staging));
        assertThat("staging before production", staging, lessThan(production));
        assertThat("the chain before the loose sandbox", production, lessThan(sandbox));
        assertThat(page, containsString("1.0.0"));
        assertThat(page, containsString("Gates waiting: 1"));
        assertThat(page, containsString("href=\"/jenkins/job/shop/1/approvals/prod/\""));
        assertThat(page, containsString("Frozen until " + DisplayTime.of(FREEZE_END)));
        assertThat(page, containsString("&lt;img src=x onerror=alert(1)&gt;"));
        assertThat(page, not(containsString(HOSTILE_REASON)));
        assertThat(page, containsString("May move on to production in 1h59m"));
        assertThat(page, containsString("Open: no change window or freeze"));
        assertThat(page, containsString("Outside the promotion chain"));

        String api = user("alice")
                .goTo("promotions/api/json?depth=3", "application/json")
                .getWebResponse()
                .getContentAsString();
        assertThat(api, containsString("\"calendarState\":\"frozen\""));
        assertThat(api, containsString("\"waitingCount\":1"));
        assertThat(api, containsString("\"target\":\"production\""));
    }

    @Test
    public void aReaderWhoMayNotDecideSeesTheSameViewWithTheGateToLookAt() throws Exception {
        String page = read(user("sam"), "promotions/");
        assertThat(page, containsString("Gates waiting: 1"));
        assertThat(page, containsString("job/shop/1/approvals/prod/"));
        assertThat(page, containsString("May move on to production in"));
    }

    @Test
    public void someoneWhoMayNotReadTheJobSeesNoneOfIt() throws Exception {
        String page = read(user("eve"), "promotions/");
        assertThat(page, not(containsString("1.0.0")));
        assertThat(page, not(containsString("Gates waiting")));
        assertThat(page, not(containsString("approvals/prod/")));
        assertThat(page, containsString("Nothing promoted yet."));
    }

    @Test
    public void anAdministratorSeesTheSameViewAndTheGateStillWaits() throws Exception {
        String page = read(user("admin"), "promotions/");
        assertThat(page, containsString("Gates waiting: 1"));
        assertThat(page, containsString("pg-stop--frozen"));
        assertTrue("the gate still waits", run.isBuilding());
    }
}
