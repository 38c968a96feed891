package io.jenkins.plugins.promotiongates.core.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BundleTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final KeyPair key = AuditFixture.keyPair(1);

    /** A run with {@code events} events, interleaved with another run's, and its bundle. */
    private byte[] bundle(int events) throws Exception {
        Path base = temp.getRoot().toPath();
        try (AuditService service = AuditService.open(
                base.resolve("ledger"),
                key,
                new LedgerOptions(1 << 20, 4, Duration.ofHours(1)),
                new AuditFixture.MutableClock(),
                AuditFixture.runs(base))) {
            RunRef run = AuditFixture.run(base, "team/app", 12);
            RunRef other = AuditFixture.run(base, "team/lib", 3);
            for (int i = 0; i < events; i++) {
                service.record(run, AuditFixture.approval("alice", i));
                service.record(other, AuditFixture.approval("bob", i));
            }
            return service.bundle(run);
        }
    }

    private static ObjectNode parse(byte[] bundle) throws Exception {
        return CanonicalJson.readObject(bundle, 0, bundle.length, "test bundle");
    }

    private BundleVerification verify(byte[] bundle) {
        return BundleVerifier.verify(bundle, Optional.of(key.getPublic()));
    }

    @Test
    public void aFreshBundleVerifiesAndCarriesWhatAnAuditorNeeds() throws Exception {
        byte[] bundle = bundle(3);
        BundleVerification result = verify(bundle);
        assertTrue(result.problem().toString(), result.verified());
        assertEquals(3, result.events());
        assertEquals("team/app", result.job());
        assertEquals(12, result.build());
        ObjectNode json = parse(bundle);
        assertEquals(PublicKeys.toPem(key.getPublic()), json.get("publicKey").asText());
        assertEquals(
                "the run's last event is ledger entry 4",
                4,
                json.get("ledger").get(0).get("seq").asLong());
        assertEquals(
                "no checkpoint covered entry 4 yet (one every 4 entries): the bundle signed one at the head",
                6,
                json.get("checkpoint").get("size").asLong());
        assertEquals(2, json.get("ledger").size());
        BundleVerification otherKey = BundleVerifier.verify(
                bundle, Optional.of(AuditFixture.keyPair(2).getPublic()));
        assertThat(otherKey.problem().get(), containsString("was not signed by this controller"));
    }

    @Test
    public void everySingleByteFlipInsertionAndDeletionIsDetected() throws Exception {
        byte[] bundle = bundle(2);
        assertTrue(verify(bundle).verified());
        int checked = 0;
        byte[] inserted = {' ', '0', '"', 'a', '\n'};
        for (int i = 0; i < bundle.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bundle.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertFalse("bit " + bit + " of byte " + i, verify(flipped).verified());
                checked++;
            }
            byte[] deleted = new byte[bundle.length - 1];
            System.arraycopy(bundle, 0, deleted, 0, i);
            System.arraycopy(bundle, i + 1, deleted, i, bundle.length - i - 1);
            assertFalse("deleting byte " + i, verify(deleted).verified());
            checked++;
        }
        for (int i = 0; i <= bundle.length; i++) {
            for (byte b : inserted) {
                byte[] longer = new byte[bundle.length + 1];
                System.arraycopy(bundle, 0, longer, 0, i);
                longer[i] = b;
                System.arraycopy(bundle, i, longer, i + 1, bundle.length - i);
                assertFalse("inserting " + b + " at " + i, verify(longer).verified());
                checked++;
            }
        }
        assertEquals(bundle.length * 14 + 5, checked);
    }

    /** Edits of the JSON that keep it canonical, as a forger would make them. */
    private static List<Consumer<ObjectNode>> forgeries() {
        List<Consumer<ObjectNode>> list = new ArrayList<>();
        list.add(b -> ((ObjectNode) b.get("events").get(0).get("details")).put("comment", "forged"));
        list.add(b -> {
            ObjectNode event = (ObjectNode) b.get("events").get(0);
            event.put("actor", "mallory");
            event.put("hash", AuditEvent.hashOf(event));
        });
        list.add(b -> {
            ArrayNode events = (ArrayNode) b.get("events");
            events.insert(0, events.remove(1));
        });
        list.add(b -> ((ArrayNode) b.get("events")).remove(b.get("events").size() - 1));
        list.add(b -> ((ArrayNode) b.get("events")).remove(0));
        list.add(b -> ((ArrayNode) b.get("ledger")).remove(1));
        list.add(b -> ((ArrayNode) b.get("ledger")).remove(b.get("ledger").size() - 1));
        list.add(b -> ((ObjectNode) b.get("checkpoint"))
                .put("size", b.get("checkpoint").get("size").asLong() + 1));
        list.add(b -> ((ObjectNode) b.get("checkpoint"))
                .put("signature", java.util.Base64.getEncoder().encodeToString(new byte[64])));
        list.add(b -> ((ObjectNode) b.get("run")).put("build", 13));
        return list;
    }

    @Test
    public void reorderingRemovalTruncationAndForgeriesAreDetected() throws Exception {
        byte[] bundle = bundle(3);
        for (int i = 0; i < forgeries().size(); i++) {
            ObjectNode json = parse(bundle);
            forgeries().get(i).accept(json);
            assertFalse("forgery " + i, verify(CanonicalJson.write(json)).verified());
        }
        for (int length = 0; length < bundle.length; length += 37) {
            assertFalse(verify(java.util.Arrays.copyOf(bundle, length)).verified());
        }
    }

    @Test
    public void theShellRecipeInTheAuditorGuideVerifiesAndCatchesTampering() throws Exception {
        String guide = Files.readString(
                Path.of(System.getProperty("promotiongates.sources.root", "."), "docs", "auditing.md"));
        Matcher matcher = Pattern.compile("<!-- verify-bundle-recipe -->\\s*```sh\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        assertTrue("docs/auditing.md has the recipe block", matcher.find());
        Path dir = temp.newFolder("recipe").toPath();
        Path recipe = dir.resolve("verify-bundle.sh");
        Files.writeString(recipe, matcher.group(1));
        Path pem = dir.resolve("controller.pem");
        Files.writeString(pem, PublicKeys.toPem(key.getPublic()));
        byte[] bundle = bundle(3);
        Path good = dir.resolve("bundle.json");
        Files.write(good, bundle);
        StringBuilder output = new StringBuilder();
        assertEquals(
                output.toString(),
                0,
                AuditFixture.exec(List.of("bash", recipe.toString(), good.toString(), pem.toString()), dir, output));
        List<Consumer<ObjectNode>> forgeries = forgeries();
        for (int i = 0; i < forgeries.size(); i++) {
            ObjectNode json = parse(bundle);
            forgeries.get(i).accept(json);
            Path forged = dir.resolve("forged-" + i + ".json");
            Files.write(forged, CanonicalJson.write(json));
            assertTrue(
                    "recipe must reject forgery " + i,
                    AuditFixture.exec(List.of("bash", recipe.toString(), forged.toString(), pem.toString()), dir, null)
                            != 0);
        }
        Path otherKey = dir.resolve("other.pem");
        Files.writeString(otherKey, PublicKeys.toPem(AuditFixture.keyPair(2).getPublic()));
        assertTrue(
                AuditFixture.exec(List.of("bash", recipe.toString(), good.toString(), otherKey.toString()), dir, null)
                        != 0);
        String text = new String(bundle, StandardCharsets.UTF_8);
        Path flipped = dir.resolve("flipped.json");
        Files.writeString(flipped, text.replace("looks good", "looks bad!"));
        assertTrue(AuditFixture.exec(List.of("bash", recipe.toString(), flipped.toString(), pem.toString()), dir, null)
                != 0);
    }

    @Test
    public void aMissingBundleIsAnIllegalArgumentNamingIt() {
        IllegalArgumentException e = org.junit.Assert.assertThrows(
                IllegalArgumentException.class, () -> BundleVerifier.verify(null, java.util.Optional.empty()));
        assertThat(e.getMessage(), containsString("the bundle is missing (null)"));
    }
}
