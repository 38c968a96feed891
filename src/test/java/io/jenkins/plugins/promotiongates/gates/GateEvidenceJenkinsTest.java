package io.jenkins.plugins.promotiongates.gates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import hudson.model.Cause;
import hudson.model.CauseAction;
import io.jenkins.plugins.promotiongates.config.ApprovalRuleConfig;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.SbomEvidenceConfig;
import io.jenkins.plugins.promotiongates.steps.RequireApprovalsStepJenkinsTest;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import net.sf.json.JSONArray;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * An approver sees, on the gate page and in its api/json, the evidence the environment requires of the
 * release as it stood when the gate opened: here an SBOM (written by cyclonedx-maven-plugin) with a licence
 * the policy does not allow, named with its remedy, before anyone approves. Engine twin: {@code
 * EvidencePromotionFlowTest.anApproverSeesTheEvidenceVerdictsBeforeAnyPromotion}.
 */
public class GateEvidenceJenkinsTest {

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void theGatePageShowsEachEvidenceVerdictWithItsRemedy() throws Exception {
        RequireApprovalsStepJenkinsTest.Fixture.secure(j);
        ApprovalRuleConfig rule = new ApprovalRuleConfig();
        rule.setUsers("alice, bob");
        rule.setCount(1);
        SbomEvidenceConfig sbom = new SbomEvidenceConfig("bom.json");
        sbom.setAllowedLicences("Apache-2.0, EPL-1.0");
        EnvironmentConfig staging = new EnvironmentConfig("staging");
        staging.setApprovalRules(List.of(rule));
        staging.setEvidence(List.of(sbom));
        PromotionGatesConfiguration.get().setEnvironments(List.of(staging));
        byte[] bom;
        try (InputStream in = getClass()
                .getResourceAsStream("/io/jenkins/plugins/promotiongates/core/evidence/cyclonedx-maven-1.6.json")) {
            bom = in.readAllBytes();
        }
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  writeFile file: 'dist/app.jar', text: 'the application'\n"
                        + "  writeFile file: 'dist/bom.json', text: '"
                        + Base64.getEncoder().encodeToString(bom)
                        + "', encoding: 'Base64'\n"
                        + "  archiveArtifacts 'dist/*'\n"
                        + "}\n"
                        + "requireApprovals environment: 'staging', archived: 'dist/*', version: '1.0.0'\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", b);
        j.assertLogContains("[Promotion Gates] evidence staging requires, as it stands now", b);
        j.assertLogContains("[FAIL] sbom: the SBOM 'bom.json' does not meet the policy", b);

        JenkinsRule.WebClient wc = j.createWebClient().login("alice");
        String page =
                wc.goTo(b.getUrl() + "approvals/staging/").getWebResponse().getContentAsString();
        assertThat(page, containsString("Evidence"));
        assertThat(page, containsString("[FAIL] sbom: the SBOM "));
        assertThat(page, containsString("does not meet the policy"));
        assertThat(page, containsString("BSD-3-Clause"));
        assertThat(page, containsString("Remedy: replace the component, or add its licence to sbom.allowedLicences"));
        JSONArray required = wc.getJSON(b.getUrl() + "approvals/staging/api/json")
                .getJSONObject()
                .getJSONArray("requiredEvidence");
        assertEquals(1, required.size());
        assertThat(required.getString(0), containsString("[FAIL] sbom:"));
        b.doStop();
        j.waitForCompletion(b);
    }

    /**
     * An approved gate whose promotion the evidence then refuses says so on its page, with the reason: the
     * gate's APPROVED state never hides what came after.
     */
    @Test
    public void anApprovedGateSaysThatThePromotionAfterItWasRefused() throws Exception {
        RequireApprovalsStepJenkinsTest.Fixture.secure(j);
        ApprovalRuleConfig rule = new ApprovalRuleConfig();
        rule.setUsers("alice, bob");
        rule.setCount(1);
        SbomEvidenceConfig sbom = new SbomEvidenceConfig("bom.json");
        sbom.setAllowedLicences("Apache-2.0, EPL-1.0");
        EnvironmentConfig staging = new EnvironmentConfig("staging");
        staging.setApprovalRules(List.of(rule));
        staging.setEvidence(List.of(sbom));
        PromotionGatesConfiguration.get().setEnvironments(List.of(staging));
        byte[] bom;
        try (InputStream in = getClass()
                .getResourceAsStream("/io/jenkins/plugins/promotiongates/core/evidence/cyclonedx-maven-1.6.json")) {
            bom = in.readAllBytes();
        }
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  writeFile file: 'dist/app.jar', text: 'the application'\n"
                        + "  writeFile file: 'dist/bom.json', text: '"
                        + Base64.getEncoder().encodeToString(bom)
                        + "', encoding: 'Base64'\n"
                        + "  archiveArtifacts 'dist/*'\n"
                        + "}\n"
                        + "requireApprovals environment: 'staging', archived: 'dist/*', version: '1.0.0'\n"
                        + "promoteArtifact archived: 'dist/*', to: 'staging', version: '1.0.0'\n",
                true));
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", b);
        RequireApprovalsStepJenkinsTest.Fixture.decide(j, "alice", b, "approve", "ok");
        j.assertBuildStatus(hudson.model.Result.FAILURE, j.waitForCompletion(b));

        String page = RequireApprovalsStepJenkinsTest.Fixture.page(j, "bob", b);
        assertThat(page, containsString("APPROVED"));
        assertThat(page, containsString("Then promoteArtifact was refused at "));
        assertThat(page, containsString("[FAIL] evidence: sbom"));
    }
}
