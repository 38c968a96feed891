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
import hudson.model.Label;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.promotiongates.approvals.ApprovalsAction;
import io.jenkins.plugins.promotiongates.audit.AuditLedger;
import io.jenkins.plugins.promotiongates.audit.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.audit.RunAudit;
import io.jenkins.plugins.promotiongates.config.ApprovalRuleConfig;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.SignaturePolicyConfig;
import io.jenkins.plugins.promotiongates.config.TrustedKeyEntry;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerification;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerifier;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
 * The three steps on a real agent (another JVM, so every call on the workspace and the workspace's bytes
 * cross the remoting channel serialized, and the controller hashes what it receives): verify a gpg signature, two
 * approvals through crumbed POSTs, promote to a file repository; the digest each step returns is the
 * one {@code sha256:<hex>} text, the stored bytes hash to it and the run's audit bundle verifies with
 * the controller's key. Then the joints: the same promotion again is a no-op; a refusal lists every
 * failing gate; a dry run opens no repository and resolves no credential, nor does a refused
 * promotion; a file rewritten after its approval is refused and nothing is stored. Engine twins:
 * {@code TrustChainTest}, {@code PromoteArtifactFlowTest}.
 */
public class PromoteArtifactStepJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static final String ARTIFACT = "hello promotion\n";

    private String signature;
    private String sha256;
    private Path releases;
    private String agent;

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
        assertEquals(sha256, sha256Of(ARTIFACT.getBytes(StandardCharsets.UTF_8)));
        releases = dir.resolve("releases");
        agent = j.createOnlineSlave(Label.get("agent-label")).getNodeName();
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
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
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

    private static String sha256Of(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A job whose script writes the artifact and its signature on the agent, then runs {@code steps} there. */
    private WorkflowJob onAgent(String name, String steps) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(
                "node('agent-label') {\n"
                        + "  writeFile file: 'app.txt', text: 'hello promotion\\n'\n"
                        + "  writeFile file: 'app.txt.asc', text: '''" + signature + "'''\n"
                        + steps
                        + "}",
                true));
        return job;
    }

    /**
     * Verifies, enters staging, waits for approvals of production, runs {@code beforePromotion}, then
     * promotes to production; echoes the digest each step returns.
     */
    private WorkflowJob release(String name, String beforePromotion) throws Exception {
        return onAgent(
                name,
                "  def v = verifySignature artifact: 'app.txt', trustedKeys: 'release-team'\n"
                        + "  echo \"verifySignature digest=${v.digest} on ${env.NODE_NAME}\"\n"
                        + "  promoteArtifact artifact: 'app.txt', to: 'staging', version: '1.4.0'\n"
                        + "  def g = requireApprovals environment: 'production', artifact: 'app.txt', id: 'prod'\n"
                        + "  echo \"requireApprovals state=${g.state} digest=${g.artifactDigest}\"\n"
                        + beforePromotion
                        + "  def r = promoteArtifact artifact: 'app.txt', from: 'staging', to: 'production',"
                        + " version: '1.4.0'\n"
                        + "  echo \"promoteArtifact status=${r.status} digest=${r.digest} location=${r.location}"
                        + " gates=${r.gates.size()}\"\n");
    }

    /** Starts {@code job} as sam, lets alice and bob approve the digest the gate shows, and waits for the end. */
    private WorkflowRun approvedRun(WorkflowJob job) throws Exception {
        WorkflowRun run = job.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", run);
        approve(run, "alice");
        approve(run, "bob");
        return j.waitForCompletion(run);
    }

    /** A crumbed POST of the approval form, with the digests the gate's page shows. */
    private void approve(WorkflowRun run, String user) throws Exception {
        GateSnapshot gate = run.getAction(ApprovalsAction.class).snapshot("prod");
        JenkinsRule.WebClient wc = j.createWebClient().login(user);
        WebRequest request =
                new WebRequest(new URL(j.getURL(), run.getUrl() + "approvals/prod/approve"), HttpMethod.POST);
        request.setRequestParameters(List.of(
                new NameValuePair("comment", ""),
                new NameValuePair("artifactDigest", ArtifactDigest.text(gate.artifactDigest())),
                new NameValuePair("policyDigest", gate.policyDigest())));
        wc.addCrumb(request);
        assertEquals(200, wc.getPage(request).getWebResponse().getStatusCode());
    }

    private static List<String> types(WorkflowRun run) throws Exception {
        return RunAudit.chain(run).events().stream().map(AuditEvent::type).toList();
    }

    private List<Path> stored() throws Exception {
        try (Stream<Path> files = Files.walk(releases)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    public void onAnAgentEveryStepReturnsTheSameDigestTheStoredBytesHaveAndTheBundleVerifies() throws Exception {
        WorkflowJob job = release("app", "");
        WorkflowRun first = approvedRun(job);
        j.assertBuildStatusSuccess(first);
        String digest = "digest=sha256:" + sha256;
        j.assertLogContains("verifySignature " + digest + " on " + agent, first);
        j.assertLogContains("requireApprovals state=APPROVED " + digest, first);
        Path stored = releases.resolve("app.txt/1.4.0/app.txt");
        j.assertLogContains("promoteArtifact status=COMPLETED " + digest + " location=" + stored + " gates=7", first);
        assertEquals(sha256, sha256Of(Files.readAllBytes(stored)));
        assertTrue(types(first).containsAll(List.of("signature.verified", "approval.granted", "promotion.completed")));
        assertEquals(
                "\u2192 production 1.4.0",
                first.getActions(PromotionBadge.class).get(1).getText());
        assertTrue(EnvironmentInventory.get()
                .current()
                .holdsNow("production", ArtifactDigest.parse("sha256:" + sha256, "test digest")));
        BundleVerification bundle = BundleVerifier.verify(
                RunAudit.bundle(first),
                Optional.of(
                        PublicKeys.parse(AuditLedger.get().service().status().publicKeyPem())));
        assertTrue(bundle.toString(), bundle.verified());
        assertEquals(types(first).size(), bundle.events());

        WorkflowRun replay = approvedRun(job);
        j.assertBuildStatusSuccess(replay);
        j.assertLogContains("promoteArtifact status=NOOP " + digest, replay);
        assertTrue(types(replay).contains("promotion.noop"));
        assertEquals(
                2, EnvironmentInventory.get().current().history("production").size());
    }

    @Test
    public void withoutSignatureAndApprovalsThePromotionFailsListingEveryFailingGate() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(
                Result.FAILURE,
                onAgent(
                        "app",
                        "  promoteArtifact artifact: 'app.txt', to: 'staging', version: '1.4.0'\n"
                                + "  promoteArtifact artifact: 'app.txt', from: 'staging', to: 'production',"
                                + " version: '1.4.0'\n"));
        j.assertLogContains("promoteArtifact refused: 2 of 7 gates fail", run);
        j.assertLogContains("[FAIL] signature: no signature over app.txt (sha256:" + sha256 + ")", run);
        j.assertLogContains("Remedy: call verifySignature artifact: 'app.txt'", run);
        j.assertLogContains("[FAIL] approvals: this run has no requireApprovals gate for production", run);
        j.assertLogContains("Remedy: call requireApprovals environment: 'production', artifact: 'app.txt'", run);
        List<String> types = types(run);
        assertEquals(List.of("gate.failed", "promotion.refused"), types.subList(types.size() - 2, types.size()));
        assertEquals(List.of(), stored());
    }

    @Test
    public void aDryRunOpensNoRepositoryAndAFailingGateResolvesNoCredential() throws Exception {
        Path missing = folder.getRoot().toPath().resolve("qa-releases");
        EnvironmentConfig qa = new EnvironmentConfig("qa");
        qa.setRepository("file:" + missing);
        qa.setRepositoryCredentialsId("missing-credential");
        EnvironmentConfig uat = new EnvironmentConfig("uat");
        uat.setPromotedFrom("qa");
        uat.setRepository("file:" + missing);
        uat.setRepositoryCredentialsId("missing-credential");
        PromotionGatesConfiguration.get().setEnvironments(List.of(qa, uat));

        WorkflowRun refused = j.buildAndAssertStatus(
                Result.FAILURE,
                onAgent(
                        "dry",
                        "  def dry = promoteArtifact artifact: 'app.txt', to: 'qa', version: '1.0.0', dryRun: true\n"
                                + "  echo \"dryRun status=${dry.status} location=[${dry.location}]\"\n"
                                + "  promoteArtifact artifact: 'app.txt', from: 'qa', to: 'uat', version: '1.0.0'\n"));
        j.assertLogContains("dryRun status=PASSED location=[]", refused);
        j.assertLogContains("[FAIL] path: sha256:" + sha256 + " is not what qa holds now", refused);
        j.assertLogNotContains("missing-credential", refused);
        assertFalse(Files.exists(missing));

        // The control: with every gate holding, the credential is resolved, and refused, before anything is written.
        WorkflowRun real = j.buildAndAssertStatus(
                Result.FAILURE, onAgent("real", "  promoteArtifact artifact: 'app.txt', to: 'qa', version: '1.0.0'\n"));
        j.assertLogContains(
                "promoteArtifact refused after every gate held: environments[qa].repositoryCredentialsId names"
                        + " 'missing-credential', which is not a global credential",
                real);
        assertFalse(Files.exists(missing));
        assertTrue(EnvironmentInventory.get().current().history("qa").isEmpty());
    }

    @Test
    public void aFileRewrittenAfterItsApprovalIsRefusedAndNothingIsStored() throws Exception {
        WorkflowRun run =
                approvedRun(release("app", "  writeFile file: 'app.txt', text: 'hello promotion, rewritten\\n'\n"));
        j.assertBuildStatus(Result.FAILURE, run);
        String rewritten = "sha256:" + sha256Of("hello promotion, rewritten\n".getBytes(StandardCharsets.UTF_8));
        j.assertLogContains("requireApprovals state=APPROVED digest=sha256:" + sha256, run);
        j.assertLogContains(
                "gate 'prod' approved artifact digest 'sha256:" + sha256 + "', not '" + rewritten + "'", run);
        j.assertLogContains("[FAIL] signature: no signature over app.txt (" + rewritten + ")", run);
        j.assertLogNotContains("promoteArtifact status=", run);
        assertEquals(List.of(), stored());
        assertTrue(EnvironmentInventory.get().current().history("production").isEmpty());
    }
}
