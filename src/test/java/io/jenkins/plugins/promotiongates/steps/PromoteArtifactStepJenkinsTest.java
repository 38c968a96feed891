package io.jenkins.plugins.promotiongates.steps;

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
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.signature.GpgHome;
import io.jenkins.plugins.promotiongates.gates.ApprovalsAction;
import io.jenkins.plugins.promotiongates.ledger.AuditLedger;
import io.jenkins.plugins.promotiongates.ledger.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
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
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
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
    public GpgHome gpg = new GpgHome();

    private static final String ARTIFACT = "hello promotion\n";

    private static final String SBOM = "{\"bomFormat\":\"CycloneDX\"}\n";

    private String signature;
    private String sbomSignature;
    private String sha256;
    private String sbomSha256;
    private Path releases;
    private String agent;

    @Before
    public void configure() throws Exception {
        Path dir = gpg.directory();
        gpg.sh("""
                g --quick-gen-key 'Release Team <release@example.org>' ed25519 sign never
                g --armor --export release@example.org > release.asc
                printf 'hello promotion\\n' > app.txt
                g -u release@example.org --armor --detach-sign -o app.txt.asc app.txt
                sha256sum app.txt | cut -d' ' -f1 > app.txt.sha
                printf '{"bomFormat":"CycloneDX"}\\n' > sbom.json
                g -u release@example.org --armor --detach-sign -o sbom.json.asc sbom.json
                mkdir releases
                """);
        signature = Files.readString(dir.resolve("app.txt.asc"));
        sbomSignature = Files.readString(dir.resolve("sbom.json.asc"));
        sha256 = Files.readString(dir.resolve("app.txt.sha")).trim();
        assertEquals(sha256, sha256Of(ARTIFACT.getBytes(StandardCharsets.UTF_8)));
        sbomSha256 = sha256Of(SBOM.getBytes(StandardCharsets.UTF_8));
        assertEquals(sbomSha256, sha256Of(Files.readAllBytes(dir.resolve("sbom.json"))));
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
                .to("alice", "bob", "carol", "sam")
                .grant(Jenkins.READ)
                .everywhere()
                .to("eve"));
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

    private static ArtifactDigest digest(String hex) {
        return ArtifactDigest.parse("sha256:" + hex, "test digest");
    }

    /** The release digest the steps compute for app.txt alone, of the application named after the job. */
    private String releaseDigest(String application, String version) {
        return Release.of(application, version, new ReleaseFile("app.txt", digest(sha256), ARTIFACT.length()))
                .digest()
                .toString();
    }

    /** The release digest of app.txt and sbom.json. */
    private String twoFileDigest(String application, String version) {
        return new Release(
                        application,
                        version,
                        List.of(
                                new ReleaseFile("app.txt", digest(sha256), ARTIFACT.length()),
                                new ReleaseFile("sbom.json", digest(sbomSha256), SBOM.length())))
                .digest()
                .toString();
    }

    /** Writes the two files under dist/ and their signatures under sig/, and verifies both, on the agent. */
    private String twoSignedFiles() {
        return "  writeFile file: 'dist/app.txt', text: 'hello promotion\\n'\n"
                + "  writeFile file: 'dist/sbom.json', text: '{\"bomFormat\":\"CycloneDX\"}\\n'\n"
                + "  writeFile file: 'sig/app.txt.asc', text: '''" + signature + "'''\n"
                + "  writeFile file: 'sig/sbom.json.asc', text: '''" + sbomSignature + "'''\n"
                + "  verifySignature artifact: 'dist/app.txt', signature: 'sig/app.txt.asc', trustedKeys: 'release-team'\n"
                + "  verifySignature artifact: 'dist/sbom.json', signature: 'sig/sbom.json.asc',"
                + " trustedKeys: 'release-team'\n";
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
        String release = "digest=" + releaseDigest("app", "1.4.0");
        j.assertLogContains("verifySignature " + digest + " on " + agent, first);
        j.assertLogContains("requireApprovals state=APPROVED " + digest, first);
        Path stored = releases.resolve("app.txt/1.4.0/app.txt");
        j.assertLogContains("promoteArtifact status=COMPLETED " + release + " location=" + stored + " gates=7", first);
        assertEquals(sha256, sha256Of(Files.readAllBytes(stored)));
        assertTrue(types(first).containsAll(List.of("signature.verified", "approval.granted", "promotion.completed")));
        assertEquals(
                "\u2192 production 1.4.0",
                first.getActions(PromotionBadge.class).get(1).getText());
        assertTrue(EnvironmentInventory.get()
                .current()
                .holdsNow("app", "production", ArtifactDigest.parse(releaseDigest("app", "1.4.0"), "test digest")));
        BundleVerification bundle = BundleVerifier.verify(
                RunAudit.bundle(first),
                Optional.of(
                        PublicKeys.parse(AuditLedger.get().service().status().publicKeyPem())));
        assertTrue(bundle.toString(), bundle.verified());
        assertEquals(types(first).size(), bundle.events());

        WorkflowRun replay = approvedRun(job);
        j.assertBuildStatusSuccess(replay);
        j.assertLogContains("promoteArtifact status=NOOP " + release, replay);
        assertTrue(types(replay).contains("promotion.noop"));
        assertEquals(
                2,
                EnvironmentInventory.get()
                        .current()
                        .history("app", "production")
                        .size());
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
        j.assertLogContains(
                "Remedy: call requireApprovals environment: 'production', digest: '" + releaseDigest("app", "1.4.0")
                        + "'",
                run);
        List<String> types = types(run);
        assertEquals(List.of("gate.failed", "promotion.refused"), types.subList(types.size() - 2, types.size()));
        assertEquals(List.of(), stored());
    }

    @Test
    public void aDryRunOpensNoRepositoryAndAFailingGateResolvesNoCredential() throws Exception {
        Path missing = gpg.directory().resolve("qa-releases");
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
        j.assertLogContains(
                "[FAIL] path: dry 1.0.0 (" + releaseDigest("dry", "1.0.0") + ") is not what qa holds now of dry",
                refused);
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
        assertTrue(EnvironmentInventory.get().current().holdings("qa").isEmpty());
    }

    @Test
    public void aFileRewrittenAfterItsApprovalIsRefusedAndNothingIsStored() throws Exception {
        WorkflowRun run =
                approvedRun(release("app", "  writeFile file: 'app.txt', text: 'hello promotion, rewritten\\n'\n"));
        j.assertBuildStatus(Result.FAILURE, run);
        String rewritten = "sha256:" + sha256Of("hello promotion, rewritten\n".getBytes(StandardCharsets.UTF_8));
        j.assertLogContains("requireApprovals state=APPROVED digest=sha256:" + sha256, run);
        String rewrittenRelease = Release.of(
                        "app",
                        "1.4.0",
                        new ReleaseFile(
                                "app.txt",
                                ArtifactDigest.parse(rewritten, "test digest"),
                                "hello promotion, rewritten\n".length()))
                .digest()
                .toString();
        j.assertLogContains(
                "gate 'prod' approved digest 'sha256:" + sha256 + "', not release app 1.4.0 ('" + rewrittenRelease
                        + "')",
                run);
        j.assertLogContains("[FAIL] signature: no signature over app.txt (" + rewritten + ")", run);
        j.assertLogNotContains("promoteArtifact status=", run);
        assertEquals(List.of(), stored());
        assertTrue(EnvironmentInventory.get()
                .current()
                .history("app", "production")
                .isEmpty());
    }

    /**
     * The pattern docs/approvals.md puts first, scripted: build, verify and archive on the agent, then wait
     * for approvals outside {@code node}, holding no executor, bound to the archived release, and promote it
     * from the run's archived artifacts, without a workspace.
     */
    @Test
    public void archivedFilesApprovedOutsideNodeArePromotedWithoutAWorkspaceAndShownPerApplication() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(
                "node('agent-label') {\n"
                        + twoSignedFiles()
                        + "  archiveArtifacts artifacts: 'dist/*'\n"
                        + "}\n"
                        + "def s = promoteArtifact archived: 'dist/*', to: 'staging', version: '1.4.0'\n"
                        + "def g = requireApprovals environment: 'production', archived: 'dist/*', version: '1.4.0',"
                        + " id: 'prod'\n"
                        + "echo \"requireApprovals state=${g.state} digest=${g.artifactDigest}\"\n"
                        + "def r = promoteArtifact archived: 'dist/*', from: 'staging', to: 'production',"
                        + " version: '1.4.0'\n"
                        + "echo \"promoteArtifact status=${r.status} digest=${r.digest}"
                        + " files=${r.files.collect { it.name }}\"\n",
                true));
        WorkflowRun run = job.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", run);
        String release = twoFileDigest("app", "1.4.0");
        j.assertLogContains(
                "approvals are bound to app 1.4.0 (2 files: app.txt, sbom.json), release digest " + release, run);
        assertEquals(
                "the agent's executor is free while people decide",
                0,
                j.jenkins.getComputer(agent).countBusy());
        JSONObject gatePage = j.createWebClient()
                .login("alice")
                .getJSON(run.getUrl() + "approvals/prod/api/json")
                .getJSONObject();
        assertEquals("RELEASE", gatePage.getJSONObject("release").getString("kind"));
        assertEquals("1.4.0", gatePage.getJSONObject("release").getString("version"));
        assertEquals(
                "sbom.json",
                gatePage.getJSONObject("release")
                        .getJSONArray("files")
                        .getJSONObject(1)
                        .getString("name"));
        assertEquals(release, gatePage.getJSONObject("evidence").getString("artifactDigest"));

        approve(run, "alice");
        approve(run, "bob");
        j.assertBuildStatusSuccess(j.waitForCompletion(run));

        j.assertLogContains("requireApprovals state=APPROVED digest=" + release, run);
        j.assertLogContains("promoteArtifact status=COMPLETED digest=" + release + " files=[app.txt, sbom.json]", run);
        j.assertLogContains(
                "app.txt  sha256:" + sha256 + "  16 bytes  (dist/app.txt in the run's archived artifacts)", run);
        assertEquals(sha256, sha256Of(Files.readAllBytes(releases.resolve("app.txt/1.4.0/app.txt"))));
        assertEquals(sbomSha256, sha256Of(Files.readAllBytes(releases.resolve("sbom.json/1.4.0/sbom.json"))));
        assertTrue(EnvironmentInventory.get()
                .current()
                .holdsNow("app", "production", ArtifactDigest.parse(release, "test digest")));

        JSONObject page = j.createWebClient()
                .login("alice")
                .getJSON("promotions/api/json")
                .getJSONObject();
        JSONObject app = page.getJSONArray("applications").getJSONObject(0);
        assertEquals("app", app.getString("name"));
        JSONArray environments = app.getJSONArray("environments");
        assertEquals("staging, then production, as the policy orders them", 2, environments.size());
        assertEquals("staging", environments.getJSONObject(0).getString("environment"));
        JSONObject production = environments.getJSONObject(1);
        assertEquals("production", production.getString("environment"));
        assertEquals("1.4.0", production.getJSONObject("current").getString("version"));
        assertEquals(release, production.getJSONObject("current").getString("digest"));
        assertEquals(
                2, production.getJSONObject("current").getJSONArray("files").size());
        assertEquals("app#1", production.getJSONObject("current").getString("run"));
        assertFalse(production.getString("since").isEmpty());
        assertEquals(1, production.getJSONArray("history").size());
        assertEquals(2, page.getJSONArray("recent").size());
        JSONObject hidden =
                j.createWebClient().login("eve").getJSON("promotions/api/json").getJSONObject();
        assertEquals(
                "eve may not read the job",
                0,
                hidden.getJSONArray("applications").size());
        assertEquals(0, hidden.getJSONArray("recent").size());
        j.createWebClient().login("alice").goTo("promotions/");
    }

    /** The same two files as a files: release, listed on the agent and read by the controller. */
    @Test
    public void aMultiFileWorkspaceReleaseIsApprovedAndPromotedAsOne() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(
                "node('agent-label') {\n"
                        + twoSignedFiles()
                        + "  promoteArtifact files: 'dist/app.txt, dist/*.json', to: 'staging', version: '2.0.0'\n"
                        + "  requireApprovals environment: 'production', files: 'dist/*', version: '2.0.0', id: 'prod'\n"
                        + "  def r = promoteArtifact files: 'dist/*', from: 'staging', to: 'production',"
                        + " version: '2.0.0'\n"
                        + "  echo \"promoteArtifact status=${r.status} digest=${r.digest} location=${r.location}\"\n"
                        + "}\n",
                true));
        WorkflowRun run = approvedRun(job);
        j.assertBuildStatusSuccess(run);
        j.assertLogContains(
                "promoteArtifact status=COMPLETED digest=" + twoFileDigest("app", "2.0.0") + " location=" + releases,
                run);
        j.assertLogContains(
                "sbom.json  sha256:" + sbomSha256 + "  " + SBOM.length() + " bytes  (dist/sbom.json in the"
                        + " workspace)",
                run);
        assertEquals(sbomSha256, sha256Of(Files.readAllBytes(releases.resolve("sbom.json/2.0.0/sbom.json"))));
        assertEquals(
                2,
                EnvironmentInventory.get()
                        .current()
                        .current("app", "production")
                        .orElseThrow()
                        .release()
                        .files()
                        .size());
    }

    @Test
    public void aWrongSourceIsRefusedNamingTheParametersAndTheRemedy() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(
                new CpsFlowDefinition("promoteArtifact files: 'dist/*', to: 'staging', version: '1.0.0'", true));
        j.assertLogContains(
                "promoteArtifact files: 'dist/*' reads the workspace, and this call has none: call it inside node",
                j.buildAndAssertStatus(Result.FAILURE, job));
        job.setDefinition(new CpsFlowDefinition(
                "promoteArtifact artifact: 'a.txt', archived: 'dist/*', to: 'staging', version: '1.0.0'", true));
        j.assertLogContains(
                "promoteArtifact takes the release's files from exactly one of artifact:",
                j.buildAndAssertStatus(Result.FAILURE, job));
        job.setDefinition(
                new CpsFlowDefinition("promoteArtifact archived: 'dist/*', to: 'staging', version: '1.0.0'", true));
        j.assertLogContains(
                "archived: the pattern 'dist/*' matched no file in the run's archived artifacts",
                j.buildAndAssertStatus(Result.FAILURE, job));
        assertTrue(EnvironmentInventory.get().current().holdings("staging").isEmpty());
    }
}
