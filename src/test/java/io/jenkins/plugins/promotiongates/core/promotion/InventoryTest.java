package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.APPLICATION;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.record;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.policy.CanonicalPolicyJson;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

/** What each environment holds of each application, from promotion records alone. */
public class InventoryTest {

    private static final ArtifactDigest A = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "a".repeat(64), "test digest");
    private static final ArtifactDigest B = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "b".repeat(64), "test digest");
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    /** Release 1.0 and 1.1 of the fixtures' application. */
    private static final ArtifactDigest R10 =
            PromotionFixtures.release("app.jar", "1.0", A).digest();

    private static final ArtifactDigest R11 =
            PromotionFixtures.release("app.jar", "1.1", B).digest();

    private final List<PromotionRecord> records = List.of(
            record("staging", "app.jar", "1.0", A, T0),
            record("production", "app.jar", "1.0", A, T0.plusSeconds(100)),
            record("staging", "app.jar", "1.1", B, T0.plusSeconds(200)),
            record("production", "app.jar", "1.1", B, T0.plusSeconds(300)),
            record("production", "app.jar", "1.0", A, T0.plusSeconds(400)),
            record("production", "app.jar", "1.0", A, T0.plusSeconds(500)));

    @Test
    public void theLatestRecordOfAnApplicationInAnEnvironmentIsWhatItHoldsNow() {
        Inventory inventory = Inventory.of(records);
        assertEquals(R10, PromotionFixtures.held(inventory, "production"));
        assertEquals(R11, PromotionFixtures.held(inventory, "staging"));
        assertEquals(Optional.empty(), inventory.current(APPLICATION, "dev"));
        assertEquals(4, inventory.history(APPLICATION, "production").size());
        assertTrue(inventory.heldBefore(APPLICATION, "production", R11));
        assertFalse(inventory.heldBefore(APPLICATION, "staging", R11));
        assertEquals(Optional.of(T0.plusSeconds(400)), inventory.currentSince(APPLICATION, "production", R10));
        assertEquals(Optional.empty(), inventory.currentSince(APPLICATION, "staging", R10));
        assertEquals(
                R11,
                inventory
                        .version(APPLICATION, "production", "1.1")
                        .orElseThrow()
                        .digest());
        assertEquals(
                Set.of("production", "staging"), inventory.current(APPLICATION).keySet());
        assertEquals(
                R11,
                inventory
                        .rollbackTarget(APPLICATION, "production")
                        .orElseThrow()
                        .digest());
    }

    @Test
    public void anEnvironmentHoldsManyApplicationsEachWithItsOwnHistory() {
        Release lib = Release.of("lib", "2.0", new ReleaseFile("lib.jar", B, 5));
        PromotionRecord libToStaging = new PromotionRecord(
                "staging",
                "",
                lib,
                "lib/main#3",
                "",
                T0.plusSeconds(600),
                "record-only:",
                true,
                false,
                false,
                List.of(),
                List.of(),
                "",
                null,
                null);
        List<PromotionRecord> all = new ArrayList<>(records);
        all.add(libToStaging);
        Inventory inventory = Inventory.of(all);

        assertEquals(List.of("lib", APPLICATION), inventory.applications());
        assertEquals(
                lib.digest(), inventory.current("lib", "staging").orElseThrow().digest());
        // promoting lib into staging does not change what staging holds of the shop
        assertEquals(R11, PromotionFixtures.held(inventory, "staging"));
        assertEquals(Set.of("lib", APPLICATION), inventory.holdings("staging").keySet());
        assertEquals(Set.of(APPLICATION), inventory.holdings("production").keySet());
        assertFalse(inventory.holdsNow(APPLICATION, "staging", lib.digest()));
        assertEquals(Optional.empty(), inventory.current("lib", "production"));
    }

    @Test
    public void rebuildingFromTheRecordsJsonInAnyOrderGivesTheSameInventory() throws Exception {
        Inventory before = Inventory.of(records);
        ObjectMapper mapper = new ObjectMapper();
        List<PromotionRecord> reread = new ArrayList<>();
        for (PromotionRecord record : records) {
            String json = CanonicalPolicyJson.write(PromotionRecordJson.toTree(record));
            reread.add(PromotionRecordJson.fromTree(mapper.readTree(json)));
        }
        Collections.shuffle(reread, new Random(3));

        Inventory after = Inventory.of(reread);

        assertEquals(before.records(), after.records());
        assertEquals(before.current(APPLICATION), after.current(APPLICATION));
    }

    @Test
    public void addingARecordEqualsRebuilding() {
        Inventory incremental = Inventory.empty();
        for (PromotionRecord record : records) {
            incremental = incremental.with(record);
        }
        assertEquals(Inventory.of(records).records(), incremental.records());
        assertEquals(
                T0.plusSeconds(500),
                incremental.current(APPLICATION, "production").orElseThrow().time());
        assertEquals(records.size(), incremental.size());
    }

    @Test
    public void recordsWithEqualTimesGiveOneInventoryWhateverTheirOrder() {
        // Two promotions to production in one clock tick: before, the one given last became current, so
        // the in-memory inventory (completion order) and the one rebuilt from the ledger could disagree.
        PromotionRecord first = record("production", "app.jar", "1.0", A, T0);
        PromotionRecord second = record("production", "app.jar", "1.1", B, T0);
        Inventory one = Inventory.of(List.of(first, second));
        Inventory other = Inventory.of(List.of(second, first));
        assertEquals(one.records(), other.records());
        assertEquals(one.current(APPLICATION, "production"), other.current(APPLICATION, "production"));
        assertEquals(one.records(), Inventory.empty().with(second).with(first).records());
        assertEquals(one.records(), Inventory.empty().with(first).with(second).records());
    }

    @Test
    public void aMissingRecordIsAnIllegalArgumentNamingIt() {
        List<PromotionRecord> withNull = new ArrayList<>(records);
        withNull.add(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inventory.of(withNull));
        assertTrue(e.getMessage().contains("promotion records"));
    }
}
