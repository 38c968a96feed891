package io.jenkins.plugins.promotiongates.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The three steps through the snippet generator's form and back ({@link StepConfigTester}): every
 * parameter of each step set to a value of its own, and each one read back; then the shapes a release
 * is named by (archived, workspace files, a digest) one at a time. Engine twins: the steps' arguments are
 * bound by {@code docs/JenkinsfileExamplesTest} and checked by {@code EnvironmentFieldsTest}.
 */
public class StepConfigRoundTripJenkinsTest {

    private static final String DIGEST = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void verifySignatureKeepsEveryParameter() throws Exception {
        CredentialsProvider.lookupStores(j.jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                "ops-public-key",
                                "public key",
                                Secret.fromString("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG ops")));
        VerifySignatureStep step = new VerifySignatureStep("dist/app.tar.gz");
        step.setSignature("dist/app.tar.gz.sig");
        step.setChecksums("dist/SHA256SUMS.minisig");
        step.setFormat("ssh");
        step.setTrustedKeys("release-team, ops-team");
        step.setKeyCredentialsId("ops-public-key");
        step.setIdentity("release@example.org");
        step.setNamespace("release-files");
        step.setEnvironment("production");

        VerifySignatureStep back = new StepConfigTester(j).configRoundTrip(step);

        assertEquals("dist/app.tar.gz", back.getArtifact());
        assertEquals("dist/app.tar.gz.sig", back.getSignature());
        assertEquals("dist/SHA256SUMS.minisig", back.getChecksums());
        assertEquals("ssh", back.getFormat());
        assertEquals("release-team, ops-team", back.getTrustedKeys());
        assertEquals("ops-public-key", back.getKeyCredentialsId());
        assertEquals("release@example.org", back.getIdentity());
        assertEquals("release-files", back.getNamespace());
        assertEquals("production", back.getEnvironment());
        j.assertEqualDataBoundBeans(step, back);
    }

    @Test
    public void requireApprovalsKeepsEveryParameter() throws Exception {
        RequireApprovalsStep step = new RequireApprovalsStep("production");
        step.setMessage("Release shop 1.4.0 to production");
        step.setId("release-gate-7");
        step.setCount(3);
        step.setApprovers("alice, bob, carol");
        step.setTimeout("4h");
        step.setValidity("90m");
        step.setArtifact("target/app.jar");
        step.setFiles("dist/*.tar.gz, dist/sbom.json");
        step.setArchived("build/libs/*");
        step.setDigest(DIGEST);
        step.setVersion("1.4.0");
        step.setApplication("shop");

        RequireApprovalsStep back = new StepConfigTester(j).configRoundTrip(step);

        assertEquals("production", back.getEnvironment());
        assertEquals("Release shop 1.4.0 to production", back.getMessage());
        assertEquals("release-gate-7", back.getId());
        assertEquals(Integer.valueOf(3), back.getCount());
        assertEquals("alice, bob, carol", back.getApprovers());
        assertEquals("4h", back.getTimeout());
        assertEquals("90m", back.getValidity());
        assertEquals("target/app.jar", back.getArtifact());
        assertEquals("dist/*.tar.gz, dist/sbom.json", back.getFiles());
        assertEquals("build/libs/*", back.getArchived());
        assertEquals(DIGEST, back.getDigest());
        assertEquals("1.4.0", back.getVersion());
        assertEquals("shop", back.getApplication());
        j.assertEqualDataBoundBeans(step, back);
    }

    /** Moved from {@code RequireApprovalsStepJenkinsTest}: one artifact, an archived release, a digest. */
    @Test
    public void requireApprovalsRoundTripsEachWayOfNamingTheRelease() throws Exception {
        RequireApprovalsStep step = new RequireApprovalsStep("production");
        step.setMessage("Release");
        step.setId("release-1");
        step.setCount(3);
        step.setApprovers("alice, bob, carol");
        step.setTimeout("4h");
        step.setValidity("1h");
        step.setArtifact("target/app.jar");
        RequireApprovalsStep back = new StepConfigTester(j).configRoundTrip(step);
        j.assertEqualDataBoundBeans(step, back);
        RequireApprovalsStep release = new RequireApprovalsStep("production");
        release.setArchived("dist/*");
        release.setVersion("1.4.0");
        release.setApplication("shop");
        j.assertEqualDataBoundBeans(release, new StepConfigTester(j).configRoundTrip(release));
        RequireApprovalsStep digest = new RequireApprovalsStep("production");
        digest.setDigest(DIGEST);
        j.assertEqualDataBoundBeans(digest, new StepConfigTester(j).configRoundTrip(digest));
    }

    @Test
    public void promoteArtifactKeepsEveryParameter() throws Exception {
        PromoteArtifactStep step = new PromoteArtifactStep("production", "2.3.1");
        step.setArtifact("target/shop.jar");
        step.setFiles("dist/*.zip, dist/sbom.json");
        step.setArchived("build/dist/*");
        step.setApplication("shop-backend");
        step.setFrom("staging");
        step.setDryRun(true);

        PromoteArtifactStep back = new StepConfigTester(j).configRoundTrip(step);

        assertEquals("production", back.getTo());
        assertEquals("2.3.1", back.getVersion());
        assertEquals("target/shop.jar", back.getArtifact());
        assertEquals("dist/*.zip, dist/sbom.json", back.getFiles());
        assertEquals("build/dist/*", back.getArchived());
        assertEquals("shop-backend", back.getApplication());
        assertEquals("staging", back.getFrom());
        assertTrue(back.isDryRun());
        j.assertEqualDataBoundBeans(step, back);
    }

    /** Moved from {@code PromoteArtifactStepJenkinsTest}: an archived release, then workspace files. */
    @Test
    public void promoteArtifactRoundTripsEachWayOfNamingTheRelease() throws Exception {
        PromoteArtifactStep step = new PromoteArtifactStep("production", "1.4.0");
        step.setArchived("dist/*");
        step.setApplication("shop");
        step.setFrom("staging");
        step.setDryRun(true);
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
        PromoteArtifactStep files = new PromoteArtifactStep("staging", "1.4.0");
        files.setFiles("dist/*.tar.gz, dist/sbom.json");
        j.assertEqualDataBoundBeans(files, new StepConfigTester(j).configRoundTrip(files));
    }
}
