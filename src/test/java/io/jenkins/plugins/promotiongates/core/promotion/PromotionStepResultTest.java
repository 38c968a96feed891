package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class PromotionStepResultTest {

    private static final ArtifactDigest SHA =
            ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "a".repeat(64), "test digest");

    private static Evaluation evaluation(PreconditionResult... results) {
        return new Evaluation(
                "production",
                "staging",
                Release.of("shop", "1.4.0", new ReleaseFile("app.tar.gz", SHA, 11)),
                false,
                false,
                "d".repeat(64),
                List.of(results),
                Optional.empty(),
                List.of(),
                null);
    }

    @Test
    public void aCompletedPromotionReturnsStatusEnvironmentVersionDigestLocationAndGates() {
        PromotionRecord record = PromotionFixtures.record("production", "app.tar.gz", "1.4.0", SHA, MONDAY_10);
        Map<String, Object> result = PromotionStepResult.of(new PromotionOutcome(
                PromotionOutcome.Status.COMPLETED,
                evaluation(PreconditionResult.pass(Precondition.PATH, "ok")),
                Optional.of(record),
                List.of()));

        assertEquals(
                List.of("status", "environment", "application", "version", "digest", "files", "location", "gates"),
                List.copyOf(result.keySet()));
        assertEquals("COMPLETED", result.get("status"));
        assertEquals("production", result.get("environment"));
        assertEquals("1.4.0", result.get("version"));
        assertEquals(record.digest().toString(), result.get("digest"));
        assertEquals("record-only:", result.get("location"));
        assertEquals(
                List.of(Map.of("gate", "path", "passed", true, "message", "ok", "remedy", "")), result.get("gates"));
    }

    @Test
    public void aDryRunWritesNoLocationAndAFailureListsEveryFailingGateWithItsRemedy() {
        Evaluation failing = evaluation(
                PreconditionResult.fail(Precondition.SIGNATURE, "no signature", "call verifySignature"),
                PreconditionResult.pass(Precondition.BRANCH, "main"),
                PreconditionResult.fail(Precondition.APPROVALS, "no gate", "call requireApprovals"));
        Map<String, Object> dry = PromotionStepResult.dryRun(failing);
        assertEquals("FAILED", dry.get("status"));
        assertEquals("", dry.get("location"));

        String failure = PromotionStepResult.failure(
                new PromotionOutcome(PromotionOutcome.Status.REFUSED, failing, Optional.empty(), List.of()));
        assertThat(failure, containsString("2 of 3 gates fail"));
        assertThat(failure, containsString("[FAIL] signature: no signature. Remedy: call verifySignature"));
        assertThat(failure, containsString("[FAIL] approvals: no gate. Remedy: call requireApprovals"));

        String repository = PromotionStepResult.failure(new PromotionOutcome(
                PromotionOutcome.Status.FAILED,
                evaluation(PreconditionResult.pass(Precondition.PATH, "ok")),
                Optional.empty(),
                List.of("HTTP 401: credentials not accepted")));
        assertEquals("promoteArtifact failed after every gate held: HTTP 401: credentials not accepted", repository);
    }
}
