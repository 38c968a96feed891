package io.jenkins.plugins.promotiongates.core.promotion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Test;

/** Which builds' change authors count: every build since the environment last received from this job. */
public class ChangeWindowTest {

    private static final Instant T = Instant.parse("2025-06-02T10:00:00Z");

    private static PromotionRecord promoted(String environment, String run, int minutes) {
        return new PromotionRecord(
                environment,
                "",
                PromotionFixtures.release(
                        "app.jar",
                        "1." + minutes,
                        ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "ab".repeat(32), "test digest"),
                        1),
                run,
                "",
                T.plusSeconds(60L * minutes),
                "record-only:app.jar",
                true,
                false,
                false,
                List.of(),
                null,
                "",
                null,
                null);
    }

    /** Builds 1..newest of one job, as their numbers; "previous" of build 1 is none. */
    private static List<Integer> walk(ChangeWindow window, int newest) {
        return window.builds(newest, n -> n > 1 ? n - 1 : null, n -> n);
    }

    @Test
    public void everyBuildAfterTheLastDeliveryToThatEnvironmentCounts() {
        Inventory inventory = Inventory.of(List.of(
                promoted("production", "shop/main#3", 1),
                promoted("production", "shop/main#5", 2),
                promoted("staging", "shop/main#8", 3)));
        ChangeWindow window = ChangeWindow.of(inventory, PromotionFixtures.APPLICATION, "production", "shop/main");
        assertEquals(5, window.deliveredBuild());
        assertEquals(List.of(9, 8, 7, 6), walk(window, 9));
    }

    @Test
    public void deliveriesFromOtherJobsDoNotCloseTheWindow() {
        Inventory inventory = Inventory.of(List.of(
                promoted("production", "shop/main#4", 1),
                promoted("production", "shop/release#40", 2),
                promoted("production", "shop/main-old#7", 3)));
        ChangeWindow window = ChangeWindow.of(inventory, PromotionFixtures.APPLICATION, "production", "shop/main");
        assertEquals(4, window.deliveredBuild());
        assertEquals(List.of(7, 6, 5), walk(window, 7));
    }

    @Test
    public void withNoDeliveryEveryBuildCountsUpToTheBound() {
        ChangeWindow window =
                ChangeWindow.of(Inventory.empty(), PromotionFixtures.APPLICATION, "production", "shop/main");
        assertEquals(0, window.deliveredBuild());
        assertEquals(List.of(3, 2, 1), walk(window, 3));
        List<Integer> bounded = walk(window, 500);
        assertEquals(ChangeWindow.MAX_BUILDS, bounded.size());
        assertEquals(
                IntStream.rangeClosed(401, 500).boxed().sorted((a, b) -> b - a).toList(), bounded);
    }

    @Test
    public void theGatedBuildAlwaysCountsEvenIfALaterBuildDeliveredAlready() {
        Inventory inventory = Inventory.of(List.of(promoted("production", "shop/main#12", 1)));
        ChangeWindow window = ChangeWindow.of(inventory, PromotionFixtures.APPLICATION, "production", "shop/main");
        assertEquals(List.of(11), walk(window, 11));
    }

    @Test
    public void malformedRunIdsAreIgnored() {
        Inventory inventory = Inventory.of(List.of(
                promoted("production", "shop/main#2", 1),
                promoted("production", "shop/main#x", 2),
                promoted("production", "shop/main", 3)));
        assertEquals(
                2,
                ChangeWindow.of(inventory, PromotionFixtures.APPLICATION, "production", "shop/main")
                        .deliveredBuild());
        assertThrows(IllegalArgumentException.class, () -> new ChangeWindow("production", "shop/main", -1));
    }
}
