package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.RUN;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.production;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RecordOnlyRepository;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;

/**
 * Engine twin of {@code BranchPreconditionJenkinsTest}: the branch precondition reads only the branch the glue takes from
 * the job ({@code SCMHead.HeadByItem.findHead}); a {@code BRANCH_NAME} the build script set with
 * {@code withEnv}, which reaches the engine only in the environment snapshot, moves nothing.
 */
public class BranchFromJobTest {

    private static final ArtifactDigest SHA256 =
            ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "ab".repeat(32), "test digest");

    private static Optional<PreconditionResult> branchGate(String jobBranch, String branchNameVariable) {
        EnvironmentSnapshot snapshot = EnvironmentSnapshot.capture(
                Map.of("BRANCH_NAME", branchNameVariable), Map.of(), List.of("BRANCH_NAME"), Set.of(), List.of());
        PromotionRequest request = new PromotionRequest(
                PromotionFixtures.release("dist/app.tar.gz", "1.4.0", SHA256, 11),
                "staging",
                "production",
                RUN,
                jobBranch,
                List.of(),
                List.of(),
                snapshot);
        Evaluation evaluation = new PromotionService(
                        PromotionFixtures.policy(production()), PromotionFixtures.TIGHTENER, new ManualClock(MONDAY_10))
                .evaluate(request, Inventory.empty(), new RecordOnlyRepository());
        return evaluation.failures().stream()
                .filter(r -> r.precondition() == Precondition.BRANCH)
                .findFirst();
    }

    @Test
    public void aJobWithoutBranchIsRefusedWhateverItsBranchNameVariableSays() throws Exception {
        PreconditionResult refused = branchGate(null, "main").orElseThrow();
        assertThat(
                refused.message(), containsString("this run has no branch, but only [main, release/**] may promote"));
    }

    @Test
    public void aFeatureBranchJobIsRefusedThoughItsBuildSetsBranchNameToMain() throws Exception {
        PreconditionResult refused = branchGate("feature/x", "main").orElseThrow();
        assertThat(refused.message(), containsString("branch 'feature/x' matches none of [main, release/**]"));
    }

    @Test
    public void theMainBranchJobPassesWhateverItsBranchNameVariableSays() throws Exception {
        assertTrue(branchGate("main", "feature/x").isEmpty());
    }
}
