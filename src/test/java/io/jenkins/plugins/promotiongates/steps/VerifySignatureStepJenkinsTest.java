package io.jenkins.plugins.promotiongates.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.SignaturePolicyConfig;
import io.jenkins.plugins.promotiongates.config.TrustedKeyEntry;
import io.jenkins.plugins.promotiongates.core.signature.GpgHome;
import io.jenkins.plugins.promotiongates.ledger.PromotionAuditAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/**
 * verifySignature in a real Pipeline. Engine-level twins: {@code VerificationServiceTest},
 * {@code SignatureKeyChoiceTest}, {@code TrustedKeyCatalogTest}, {@code OpenPgpVerifierTest}.
 */
public class VerifySignatureStepJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public GpgHome gpg = new GpgHome();

    private String releaseKey;
    private String strangerKey;
    private String signature;
    private String sha256;

    @Before
    public void signWithGpg() throws Exception {
        Path dir = gpg.directory();
        gpg.sh("""
                g --quick-gen-key 'Release Team <release@example.org>' ed25519 sign never
                g --quick-gen-key 'Stranger <stranger@example.org>' ed25519 sign never
                g --armor --export release@example.org > release.asc
                g --armor --export stranger@example.org > stranger.asc
                printf 'hello promotion\\n' > app.txt
                g -u release@example.org --armor --detach-sign -o app.txt.asc app.txt
                sha256sum app.txt | cut -d' ' -f1 > app.txt.sha
                """);
        releaseKey = Files.readString(dir.resolve("release.asc"));
        strangerKey = Files.readString(dir.resolve("stranger.asc"));
        signature = Files.readString(dir.resolve("app.txt.asc"));
        sha256 = Files.readString(dir.resolve("app.txt.sha")).trim();
        CredentialsStore store =
                CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        store.addCredentials(Domain.global(), publicKey("release-key", releaseKey));
        store.addCredentials(Domain.global(), publicKey("stranger-key", strangerKey));
        PromotionGatesConfiguration.get()
                .setTrustedKeys(List.of(
                        new TrustedKeyEntry("release-team", "release-key"),
                        new TrustedKeyEntry("stranger", "stranger-key")));
    }

    private static StringCredentialsImpl publicKey(String id, String material) {
        return new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "public key", Secret.fromString(material));
    }

    private WorkflowJob pipeline(String verifyCall) throws Exception {
        WorkflowJob job = j.jenkins.createProject(
                WorkflowJob.class, "p" + j.jenkins.getItems().size());
        job.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  writeFile file: 'app.txt', text: 'hello promotion\\n'\n"
                        + "  writeFile file: 'app.txt.asc', text: '''" + signature + "'''\n"
                        + "  def result = " + verifyCall + "\n"
                        + "  echo \"verified=${result.verified} digest=${result.digest} format=${result.format}\"\n"
                        + "}",
                true));
        return job;
    }

    @Test
    public void aGpgSignedFileVerifies() throws Exception {
        WorkflowRun run =
                j.buildAndAssertSuccess(pipeline("verifySignature artifact: 'app.txt', trustedKeys: 'release-team'"));
        j.assertLogContains("verified=true digest=sha256:" + sha256 + " format=openpgp", run);
        j.assertLogNotContains("BEGIN PGP PUBLIC KEY BLOCK", run);
        PromotionAuditAction audit = run.getAction(PromotionAuditAction.class);
        assertNotNull("the run has its Promotion audit page", audit);
        assertEquals("signature.verified", audit.getTimeline().rows().get(0).type());
        assertEquals(sha256, audit.getTimeline().rows().get(0).artifactSha256());
        assertTrue(audit.getTimeline().intact());
    }

    @Test
    public void trustedKeysAsAGroovyListBindsLikeTheCommaSeparatedString() throws Exception {
        WorkflowRun run = j.buildAndAssertSuccess(
                pipeline("verifySignature artifact: 'app.txt', trustedKeys: ['stranger', 'release-team']"));
        j.assertLogContains("verified=true digest=sha256:" + sha256 + " format=openpgp", run);
        WorkflowRun bad = j.buildAndAssertStatus(
                Result.FAILURE, pipeline("verifySignature artifact: 'app.txt', trustedKeys: [42]"));
        j.assertLogContains("trustedKeys holds '42', which is not a name", bad);
    }

    @Test
    public void aWrongKeyFailsTheBuildWithTheReason() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(
                Result.FAILURE, pipeline("verifySignature artifact: 'app.txt', trustedKeys: 'stranger'"));
        j.assertLogContains("Signature NOT verified (openpgp)", run);
        j.assertLogContains("app.txt", run);
        j.assertLogNotContains("verified=true", run);
        j.assertLogNotContains("BEGIN PGP PUBLIC KEY BLOCK", run);
        assertEquals(
                "signature.failed",
                run.getAction(PromotionAuditAction.class)
                        .getTimeline()
                        .rows()
                        .get(0)
                        .type());
    }

    @Test
    public void anUnconfiguredKeyNameIsRefused() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(
                Result.FAILURE, pipeline("verifySignature artifact: 'app.txt', trustedKeys: 'mine'"));
        j.assertLogContains("Trusted key 'mine' is not configured", run);
    }

    @Test
    public void anEnvironmentAcceptsOnlyItsTrustedKeys() throws Exception {
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setSignature(new SignaturePolicyConfig("release-team"));
        PromotionGatesConfiguration.get().setEnvironments(List.of(production));
        j.buildAndAssertSuccess(pipeline("verifySignature artifact: 'app.txt', environment: 'production'"));
        WorkflowRun jobKey = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline(
                        "verifySignature artifact: 'app.txt', environment: 'production', keyCredentialsId: 'stranger-key'"));
        j.assertLogContains("a job's own key (keyCredentialsId) cannot satisfy it", jobKey);
        WorkflowRun outside = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline("verifySignature artifact: 'app.txt', environment: 'production', trustedKeys: 'stranger'"));
        j.assertLogContains("are not among environment 'production''s trusted keys", outside);
    }
}
