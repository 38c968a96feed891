package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.Fixtures.record;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.policy.CanonicalPolicyJson;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

public class InventoryTest {

    private static final ArtifactDigest A = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "a".repeat(64), "test digest");
    private static final ArtifactDigest B = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, "b".repeat(64), "test digest");
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    private final List<PromotionRecord> records = List.of(
            record("staging", "app.jar", "1.0", A, T0),
            record("production", "app.jar", "1.0", A, T0.plusSeconds(100)),
            record("staging", "app.jar", "1.1", B, T0.plusSeconds(200)),
            record("production", "app.jar", "1.1", B, T0.plusSeconds(300)),
            record("production", "app.jar", "1.0", A, T0.plusSeconds(400)),
            record("production", "app.jar", "1.0", A, T0.plusSeconds(500)));

    @Test
    public void theLatestRecordOfAnEnvironmentIsWhatItHoldsNow() {
        Inventory inventory = Inventory.of(records);

        assertEquals(A, inventory.current("production").orElseThrow().digest());
        assertEquals(B, inventory.current("staging").orElseThrow().digest());
        assertEquals(Optional.empty(), inventory.current("dev"));
        assertEquals(4, inventory.history("production").size());
        assertTrue(inventory.heldBefore("production", B));
        assertFalse(inventory.heldBefore("staging", B));
        assertEquals(Optional.of(T0.plusSeconds(400)), inventory.currentSince("production", A));
        assertEquals(Optional.empty(), inventory.currentSince("staging", A));
        assertEquals(
                B,
                inventory
                        .version("production", new ArtifactCoordinates("app.jar", "1.1"))
                        .orElseThrow()
                        .digest());
        assertEquals(Set.of("production", "staging"), inventory.current().keySet());
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
        assertEquals(before.current(), after.current());
        for (String environment : List.of("staging", "production")) {
            assertEquals(before.history(environment), after.history(environment));
        }
    }

    @Test
    public void addingARecordEqualsRebuilding() {
        Inventory incremental = Inventory.empty();
        for (PromotionRecord record : records) {
            incremental = incremental.with(record);
        }
        assertEquals(Inventory.of(records).current(), incremental.current());
        Map<String, PromotionRecord> current = incremental.current();
        assertEquals(T0.plusSeconds(500), current.get("production").time());
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
        assertEquals(one.current("production"), other.current("production"));
        assertEquals(one.records(), Inventory.empty().with(second).with(first).records());
        assertEquals(one.records(), Inventory.empty().with(first).with(second).records());
    }

    @Test
    public void aMissingRecordIsAnIllegalArgumentNamingIt() {
        List<PromotionRecord> withNull = new ArrayList<>(records);
        withNull.add(null);
        IllegalArgumentException e =
                org.junit.Assert.assertThrows(IllegalArgumentException.class, () -> Inventory.of(withNull));
        assertTrue(e.getMessage().contains("promotion records"));
    }
}
