package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** The Promotions page's summary: per application, environments in policy order, hidden records never shown. */
public class ApplicationHoldingsTest {

    private static final ArtifactDigest A = ArtifactDigest.parse("sha256:" + "a".repeat(64), "test");
    private static final ArtifactDigest B = ArtifactDigest.parse("sha256:" + "b".repeat(64), "test");

    private static PromotionRecord record(
            String application, String environment, String version, ArtifactDigest file, String run, int hours) {
        return new PromotionRecord(
                environment,
                "",
                Release.of(application, version, new ReleaseFile("app.tar.gz", file, 7)),
                run,
                "",
                MONDAY_10.plus(Duration.ofHours(hours)),
                "record-only:",
                true,
                false,
                false,
                List.of(),
                List.of(),
                "",
                null,
                null);
    }

    private static Instant at(int hours) {
        return MONDAY_10.plus(Duration.ofHours(hours));
    }

    @Test
    public void eachApplicationShowsItsEnvironmentsInPolicyOrderWithSinceHistoryAndRollbackTarget() {
        PromotionRecord shop1 = record("shop", "production", "1.0", A, "shop/main#1", 0);
        PromotionRecord shop2 = record("shop", "production", "2.0", B, "shop/main#2", 1);
        PromotionRecord shop2again = record("shop", "production", "2.0", B, "shop/main#3", 2);
        PromotionRecord staging = record("shop", "staging", "2.0", B, "shop/main#2", 0);
        PromotionRecord old = record("shop", "qa-removed", "1.0", A, "shop/main#1", 0);
        PromotionRecord billing = record("billing", "production", "7", A, "billing#9", 0);
        Inventory inventory = Inventory.of(List.of(shop1, shop2, shop2again, staging, old, billing));

        List<ApplicationHoldings> all =
                ApplicationHoldings.of(inventory, List.of("staging", "production"), record -> true, 10);

        assertEquals(
                List.of("billing", "shop"),
                all.stream().map(ApplicationHoldings::application).toList());
        ApplicationHoldings shop = all.get(1);
        assertEquals(
                "policy order, then environments the policy no longer has",
                List.of("staging", "production", "qa-removed"),
                shop.environments().stream()
                        .map(ApplicationHoldings.Holding::environment)
                        .toList());
        ApplicationHoldings.Holding production = shop.environments().get(1);
        assertEquals(shop2again, production.current());
        assertEquals("since the first of the latest run of 2.0", at(1), production.since());
        assertEquals(Optional.of(shop1), production.rollbackTarget());
        assertEquals("newest first", List.of(shop2again, shop2, shop1), production.history());
        assertEquals(Optional.empty(), shop.environments().get(0).rollbackTarget());
    }

    @Test
    public void recordsTheViewerMayNotReadAreNeverShown() {
        PromotionRecord visible = record("shop", "production", "1.0", A, "shop/main#1", 0);
        PromotionRecord hidden = record("shop", "production", "2.0", B, "secret/job#1", 1);
        PromotionRecord hiddenOnly = record("secret", "production", "1", A, "secret/job#2", 0);
        Inventory inventory = Inventory.of(List.of(visible, hidden, hiddenOnly));

        List<ApplicationHoldings> shown = ApplicationHoldings.of(
                inventory, List.of("production"), record -> !record.run().startsWith("secret/"), 10);

        assertEquals(
                "an environment whose current release is hidden is left out, and so is an application with none",
                List.of(),
                shown);
        Inventory rolledBack = Inventory.of(List.of(hidden, record("shop", "production", "1.0", A, "shop/main#1", 2)));
        ApplicationHoldings.Holding holding = ApplicationHoldings.of(
                        rolledBack,
                        List.of("production"),
                        record -> !record.run().startsWith("secret/"),
                        10)
                .get(0)
                .environments()
                .get(0);
        assertEquals(Optional.empty(), holding.rollbackTarget());
        assertEquals(1, holding.history().size());
    }

    @Test
    public void theHistoryIsCutAtTheLimit() {
        PromotionRecord first = record("shop", "production", "1.0", A, "shop/main#1", 0);
        PromotionRecord second = record("shop", "production", "2.0", B, "shop/main#2", 1);
        ApplicationHoldings.Holding holding = ApplicationHoldings.of(
                        Inventory.of(List.of(first, second)), List.of(), record -> true, 1)
                .get(0)
                .environments()
                .get(0);
        assertEquals(List.of(second), holding.history());
    }

    @Test
    public void theInventoryFindsAReleaseByItsDigest() {
        PromotionRecord shop = record("shop", "production", "1.0", A, "shop/main#1", 0);
        Inventory inventory = Inventory.of(List.of(shop));
        assertEquals(Optional.of(shop.release()), inventory.release(shop.digest()));
        assertTrue(inventory.release(A).isEmpty());
        assertTrue(inventory.release(null).isEmpty());
    }
}
