package io.jenkins.plugins.promotiongates.core.promotion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class EnvironmentSnapshotTest {

    private static final Map<String, String> VARIABLES = Map.of(
            "JAVA_HOME", "/usr/lib/jvm/java-17",
            "NODE_VERSION", "20.11.1",
            "NODE_OPTIONS", "--max-old-space-size=4096",
            "DEPLOY_TOKEN", "tok-123456",
            "DB_URL", "postgres://app:tok-123456@db/app",
            "HOME", "/root");

    @Test
    public void keepsAllowlistedVariablesAndMasksSecretsByNameAndByValue() {
        EnvironmentSnapshot snapshot = EnvironmentSnapshot.capture(
                VARIABLES,
                Map.of("java", "17.0.15", "mvn", "3.9.6"),
                List.of("JAVA_HOME", "NODE_*", "DEPLOY_TOKEN", "DB_URL"),
                Set.of("DEPLOY_TOKEN"),
                List.of("tok-123456"));

        assertEquals(
                Map.of(
                        "JAVA_HOME", "/usr/lib/jvm/java-17",
                        "NODE_VERSION", "20.11.1",
                        "NODE_OPTIONS", "--max-old-space-size=4096",
                        "DEPLOY_TOKEN", EnvironmentSnapshot.MASKED,
                        "DB_URL", EnvironmentSnapshot.MASKED),
                snapshot.variables());
        assertEquals(Map.of("java", "17.0.15", "mvn", "3.9.6"), snapshot.tools());
        assertFalse(snapshot.toString().contains("tok-123456"));
    }

    @Test
    public void driftNamesWhatWasAddedRemovedAndChangedSinceThePreviousPromotion() {
        EnvironmentSnapshot before =
                new EnvironmentSnapshot(Map.of("JAVA_HOME", "/jdk17", "REGION", "eu"), Map.of("java", "17.0.14"));
        EnvironmentSnapshot after =
                new EnvironmentSnapshot(Map.of("JAVA_HOME", "/jdk17", "FLAGS", "x"), Map.of("java", "17.0.15"));

        SnapshotDrift drift = SnapshotDrift.between(before, after);

        assertTrue(drift.drifted());
        assertEquals(Map.of("variables.FLAGS", "x"), drift.added());
        assertEquals(Map.of("variables.REGION", "eu"), drift.removed());
        assertEquals(Map.of("tools.java", new SnapshotDrift.Change("17.0.14", "17.0.15")), drift.changed());
        assertFalse(SnapshotDrift.between(after, after).drifted());
        assertTrue(SnapshotDrift.between(null, after).baseline());
    }

    @Test
    public void thePromotionRecordCarriesTheDriftAgainstThePreviousPromotionToTheSameEnvironment() throws Exception {
        EnvironmentSnapshot first = new EnvironmentSnapshot(Map.of("JAVA_HOME", "/jdk17"), Map.of());
        PromotionRecord previous = new PromotionRecord(
                "dev",
                "",
                PromotionFixtures.release(
                        "app.jar",
                        "1.0",
                        ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "a".repeat(64), "test digest"),
                        1),
                "j#1",
                "",
                PromotionFixtures.MONDAY_10,
                "record-only:",
                true,
                false,
                false,
                List.of(),
                null,
                "",
                first,
                SnapshotDrift.BASELINE);
        var service = new PromotionService(
                PromotionFixtures.policy(PromotionFixtures.production()),
                PromotionFixtures.TIGHTENER,
                new ManualClock(PromotionFixtures.MONDAY_10.plusSeconds(60)));
        EnvironmentSnapshot second = new EnvironmentSnapshot(Map.of("JAVA_HOME", "/jdk21"), Map.of());
        var request = new PromotionRequest(
                PromotionFixtures.release(
                        "app.jar",
                        "1.1",
                        ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "b".repeat(64), "test digest"),
                        1),
                null,
                "dev",
                PromotionFixtures.RUN,
                "main",
                List.of(),
                List.of(),
                second);

        var outcome = service.promote(
                request,
                null,
                Inventory.of(List.of(previous)),
                new io.jenkins.plugins.promotiongates.core.promotion.repository.RecordOnlyRepository());

        SnapshotDrift drift = outcome.record().orElseThrow().drift();
        assertEquals(Map.of("variables.JAVA_HOME", new SnapshotDrift.Change("/jdk17", "/jdk21")), drift.changed());
    }
}
