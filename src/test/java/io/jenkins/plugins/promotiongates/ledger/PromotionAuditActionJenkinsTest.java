package io.jenkins.plugins.promotiongates.ledger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerification;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerifier;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The run's Promotion audit page, its JSON export and bundle, the ledger page in Manage Jenkins,
 * and who may see what. Engine twins: {@code BundleTest}, {@code LedgerTest},
 * {@code GateEventsTest}, {@code SignatureEventsTest}, {@code AuditFileNamesTest}.
 */
public class PromotionAuditActionJenkinsTest {

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowRun run;

    @Before
    public void recordAVerification() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ)
                .everywhere()
                .to("outsider"));
        WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  writeFile file: 'app.txt', text: 'hello\\n'\n"
                        + "  sh 'sha256sum app.txt > app.txt.sha256'\n"
                        + "  verifySignature artifact: 'app.txt', format: 'checksum'\n"
                        + "}",
                true));
        run = j.buildAndAssertSuccess(job);
    }

    @Test
    public void theTimelineShowsEveryEventWithItsHashAndIntegrity() throws Exception {
        PromotionAuditAction action = run.getAction(PromotionAuditAction.class);
        assertNotNull(action);
        assertTrue(action.getTimeline().intact());
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        String page = reader.getPage(run, "promotion-audit/").getWebResponse().getContentAsString();
        assertThat(page, containsString("signature.verified"));
        assertThat(
                page, containsString(action.getTimeline().rows().get(0).hash().substring(0, 16)));
        assertThat(page, containsString("Chain intact: every event's hash")); // '' in index.properties
        // details as key: value lines, the time to the second; the exact values stay in the export
        assertThat(page, containsString("format: checksum"));
        assertThat(page, not(containsString("{&quot;algorithm&quot;")));
        assertThat(page, not(containsString("{\"algorithm\"")));
        assertThat(page, containsString(action.getTimeline().rows().get(0).displayTime()));
        assertThat(page, not(containsString(action.getTimeline().rows().get(0).time())));
    }

    @Test
    public void exportAndBundleDownloadAndTheBundleVerifiesOffline() throws Exception {
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        Page json = reader.goTo(run.getUrl() + "promotion-audit/json", "application/json");
        assertThat(json.getWebResponse().getContentAsString(), containsString("\"type\":\"signature.verified\""));
        assertThat(
                json.getWebResponse().getResponseHeaderValue("Content-Disposition"),
                containsString("app-1-events.json"));
        Page bundle = reader.goTo(run.getUrl() + "promotion-audit/bundle", "application/json");
        byte[] bytes = bundle.getWebResponse().getContentAsString().getBytes(StandardCharsets.UTF_8);
        String key = AuditLedger.get().service().status().publicKeyPem();
        BundleVerification verification = BundleVerifier.verify(bytes, Optional.of(PublicKeys.parse(key)));
        assertTrue(verification.toString(), verification.verified());
        String api = reader.goTo(run.getUrl() + "promotion-audit/api/json", "application/json")
                .getWebResponse()
                .getContentAsString();
        assertThat(api, containsString("signature.verified"));
    }

    @Test
    public void onlyPeopleWhoCanReadTheJobSeeItsAudit() throws Exception {
        JenkinsRule.WebClient outsider =
                j.createWebClient().login("outsider").withThrowExceptionOnFailingStatusCode(false);
        assertEquals(
                404,
                outsider.goTo(run.getUrl() + "promotion-audit/bundle", null)
                        .getWebResponse()
                        .getStatusCode());
        assertEquals(
                404,
                outsider.goTo(run.getUrl() + "promotion-audit/json", null)
                        .getWebResponse()
                        .getStatusCode());
    }

    @Test
    public void theLedgerPageIsForAdministratorsAndVerifyNowIsPostOnly() throws Exception {
        JenkinsRule.WebClient reader = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false);
        assertEquals(
                403,
                reader.goTo("manage/promotion-audit-ledger/").getWebResponse().getStatusCode());

        JenkinsRule.WebClient admin = j.createWebClient().login("admin").withThrowExceptionOnFailingStatusCode(false);
        String status =
                admin.goTo("manage/promotion-audit-ledger/").getWebResponse().getContentAsString();
        assertThat(status, containsString("ssh-ed25519 "));
        assertEquals(
                405,
                admin.goTo("manage/promotion-audit-ledger/verify")
                        .getWebResponse()
                        .getStatusCode());

        WebRequest post = new WebRequest(new URL(j.getURL(), "manage/promotion-audit-ledger/verify"), HttpMethod.POST);
        admin.addCrumb(post);
        String verified = admin.getPage(post).getWebResponse().getContentAsString();
        assertThat(verified, containsString("Verified: "));

        WebRequest readerPost =
                new WebRequest(new URL(j.getURL(), "manage/promotion-audit-ledger/verify"), HttpMethod.POST);
        reader.addCrumb(readerPost);
        assertEquals(403, reader.getPage(readerPost).getWebResponse().getStatusCode());
    }
}
