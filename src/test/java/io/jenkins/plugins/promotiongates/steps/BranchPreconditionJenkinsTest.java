package io.jenkins.plugins.promotiongates.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.ledger.EnvironmentInventory;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The branch precondition takes the branch from the job ({@code SCMHead.HeadByItem.findHead}), never from the
 * build's environment: a plain Pipeline job is not a branch job, so {@code withEnv(['BRANCH_NAME=main'])}
 * does not let it promote where only {@code main} may. Engine twin: {@code BranchFromJobTest}.
 */
public class BranchPreconditionJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowJob job(String allowedBranches) throws Exception {
        EnvironmentConfig staging = new EnvironmentConfig("staging");
        staging.setAllowedBranches(allowedBranches);
        PromotionGatesConfiguration.get().setEnvironments(List.of(staging));
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(
                "node {\n"
                        + "  writeFile file: 'app.txt', text: 'hello promotion\\n'\n"
                        + "  withEnv(['BRANCH_NAME=main']) {\n"
                        + "    echo \"BRANCH_NAME=${env.BRANCH_NAME}\"\n"
                        + "    promoteArtifact artifact: 'app.txt', to: 'staging', version: '1.0.0'\n"
                        + "  }\n"
                        + "}",
                true));
        return job;
    }

    @Test
    public void withEnvBranchNameMainDoesNotPassTheBranchPreconditionOfAJobWithoutBranch() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job("main"));
        j.assertLogContains("BRANCH_NAME=main", run);
        j.assertLogContains("[FAIL] branch: allowedBranches: this run has no branch, but only [main] may promote", run);
        assertTrue(
                EnvironmentInventory.get().current().history("app", "staging").isEmpty());
    }

    @Test
    public void theSameJobPromotesWhereAnyBranchMay() throws Exception {
        WorkflowRun run = j.buildAndAssertSuccess(job(""));
        j.assertLogContains("allowedBranches is empty: any branch may promote", run);
        assertEquals(
                1,
                EnvironmentInventory.get().current().history("app", "staging").size());
    }
}
