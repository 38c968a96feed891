package io.jenkins.plugins.promotiongates.steps;

import static io.jenkins.plugins.promotiongates.core.signature.ExternalTool.sh;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Item;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.promotiongates.approvals.ApprovalsAction;
import io.jenkins.plugins.promotiongates.audit.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.audit.RunAudit;
import io.jenkins.plugins.promotiongates.config.ApprovalRuleConfig;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.SignaturePolicyConfig;
import io.jenkins.plugins.promotiongates.config.TrustedKeyEntry;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * promoteArtifact end to end: verify, two approvals, promote to a file repository; refusal listing
 * every failing gate; the same promotion again is a no-op. Engine twin: {@code PromoteArtifactFlowTest}.
 */
public class PromoteArtifactStepJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private String signature;
    private String sha256;
    private Path releases;

    @Before
    public void configure() throws Exception {
        Path dir = folder.getRoot().toPath();
        sh(dir, """
                mkdir -m 700 gh
                g() { gpg --homedir gh --batch --pinentry-mode loopback --passphrase '' --quiet "$@"; }
                g --quick-gen-key 'Release Team <release@example.org>' ed25519 sign never
                g --armor --export release@example.org > release.asc
                printf 'hello promotion\\n' > app.txt
                g -u release@example.org --armor --detach-sign -o app.txt.asc app.txt
                sha256sum app.txt | cut -d' ' -f1 > app.txt.sha
                mkdir releases
                """);
        signature = Files.readString(dir.resolve("app.txt.asc"));
        sha256 = Files.readString(dir.resolve("app.txt.sha")).trim();
        releases = dir.resolve("releases");
        CredentialsProvider.lookupStores(j.jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                "release-key",
                                "public key",
                                Secret.fromString(Files.readString(dir.resolve("release.asc")))));
        JenkinsRule.DummySecurityRealm realm = j.createDummySecurityRealm();
        j.jenkins.setSecurityRealm(realm);
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("alice", "bob", "carol", "sam"));
        ApprovalRuleConfig rule = new ApprovalRuleConfig();
        rule.setName("release");
        rule.setUsers("alice, bob, carol");
        rule.setCount(2);
        EnvironmentConfig staging = new EnvironmentConfig("staging");
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setPromotedFrom("staging");
        production.setApprovalRules(List.of(rule));
        production.setSignature(new SignaturePolicyConfig("release-team"));
        production.setRepository("file:" + releases);
        PromotionGatesConfiguration config = PromotionGatesConfiguration.get();
        config.setTrustedKeys(List.of(new TrustedKeyEntry("release-team", "release-key")));
        config.setEnvironments(List.of(staging, production));
    }

    private WorkflowJob pipeline(boolean verifyAndApprove) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  writeFile file: 'app.txt', text: 'hello promotion\\n'\n"
                        + "  writeFile file: 'app.txt.asc', text: '''" + signature + "'''\n"
                        + (verifyAndApprove
                                ? "  verifySignature artifact: 'app.txt', trustedKeys: 'release-team'\n"
                                : "")
                        + "  promoteArtifact artifact: 'app.txt', to: 'staging', version: '1.4.0'\n"
                        + (verifyAndApprove
                                ? "  requireApprovals environment: 'production', artifact: 'app.txt', id: 'prod'\n"
                                : "")
                        + "  def r = promoteArtifact artifact: 'app.txt', from: 'staging', to: 'production',"
                        + " version: '1.4.0'\n"
                        + "  echo \"status=${r.status} digest=${r.digest} location=${r.location}"
                        + " gates=${r.gates.size()}\"\n"
                        + "}",
                true));
        return job;
    }

    private WorkflowRun approvedRun(WorkflowJob job) throws Exception {
        WorkflowRun run = job.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", run);
        approve(run, "alice");
        approve(run, "bob");
        return j.waitForCompletion(run);
    }

    private void approve(WorkflowRun run, String user) throws Exception {
        GateSnapshot gate = run.getAction(ApprovalsAction.class).snapshot("prod");
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.login(user);
        WebRequest request =
                new WebRequest(new URL(j.getURL(), run.getUrl() + "approvals/prod/approve"), HttpMethod.POST);
        request.setRequestParameters(List.of(
                new NameValuePair("comment", ""),
                new NameValuePair("artifactDigest", gate.artifactDigest()),
                new NameValuePair("policyDigest", gate.policyDigest())));
        wc.addCrumb(request);
        assertEquals(200, wc.getPage(request).getWebResponse().getStatusCode());
    }

    private static List<String> types(WorkflowRun run) throws Exception {
        return RunAudit.chain(run).events().stream().map(AuditEvent::type).toList();
    }

    @Test
    public void verifyTwoApprovalsThenPromoteToAFileRepositoryAndReplayingIsANoOp() throws Exception {
        WorkflowJob job = pipeline(true);
        WorkflowRun first = approvedRun(job);
        j.assertBuildStatusSuccess(first);
        Path stored = releases.resolve("app.txt/1.4.0/app.txt");
        j.assertLogContains("status=COMPLETED digest=sha256:" + sha256 + " location=" + stored + " gates=7", first);
        assertEquals("hello promotion\n", Files.readString(stored));
        assertTrue(types(first).contains("signature.verified"));
        assertTrue(types(first).contains("promotion.completed"));
        assertEquals(
                "\u2192 production 1.4.0",
                first.getActions(PromotionBadge.class).get(1).getText());
        assertTrue(EnvironmentInventory.get().current().holdsNow("production", sha256));

        WorkflowRun replay = approvedRun(job);
        j.assertBuildStatusSuccess(replay);
        j.assertLogContains("status=NOOP", replay);
        assertTrue(types(replay).contains("promotion.noop"));
        assertEquals(
                2, EnvironmentInventory.get().current().history("production").size());
    }

    @Test
    public void withoutSignatureAndApprovalsThePromotionFailsListingEveryFailingGate() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, pipeline(false));
        j.assertLogContains("promoteArtifact refused: 2 of 7 gates fail", run);
        j.assertLogContains("[FAIL] signature: no signature over app.txt", run);
        j.assertLogContains("Remedy: call verifySignature artifact: 'app.txt'", run);
        j.assertLogContains("[FAIL] approvals: this run has no requireApprovals gate for production", run);
        j.assertLogContains("Remedy: call requireApprovals environment: 'production', artifact: 'app.txt'", run);
        List<String> types = types(run);
        assertEquals(List.of("gate.failed", "promotion.refused"), types.subList(types.size() - 2, types.size()));
        assertFalse(Files.exists(releases.resolve("app.txt")));
    }
}
