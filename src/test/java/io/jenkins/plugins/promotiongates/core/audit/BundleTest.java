package io.jenkins.plugins.promotiongates.core.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
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
                AuditFixture.clock(),
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

    private static String docBlock(String marker) throws Exception {
        String guide = Files.readString(
                Path.of(System.getProperty("promotiongates.sources.root", "."), "docs", "auditing.md"));
        Matcher matcher = Pattern.compile("<!-- " + marker + " -->\\s*```sh\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        assertTrue("docs/auditing.md has the " + marker + " block", matcher.find());
        return matcher.group(1);
    }

    /** Runs the recipe; its exit status and what it printed. */
    private static String recipe(Path recipe, Path dir, Path bundle, Path key, int expectedStatus) throws Exception {
        StringBuilder output = new StringBuilder();
        int status =
                AuditFixture.exec(List.of("bash", recipe.toString(), bundle.toString(), key.toString()), dir, output);
        assertEquals(bundle.getFileName() + ": " + output, expectedStatus, status);
        return output.toString();
    }

    /** What the recipe must say for each of {@link #forgeries()}, by index. */
    private static final List<String> FORGERY_MESSAGES = List.of(
            "event 1 does not match its hash",
            "the events do not form the run's chain",
            "the events do not form the run's chain",
            "the first ledger link is not the run's last event",
            "the events do not form the run's chain",
            "the checkpoint does not cover the last ledger link",
            "the checkpoint does not cover the last ledger link",
            "the checkpoint does not cover the last ledger link",
            "the checkpoint's signature is not valid",
            "the events do not form the run's chain");

    @Test
    public void theShellRecipeInTheAuditorGuideVerifiesAndCatchesTampering() throws Exception {
        Path dir = temp.newFolder("recipe").toPath();
        Path recipe = dir.resolve("verify-bundle.sh");
        Files.writeString(recipe, docBlock("verify-bundle-recipe"));
        Path pem = dir.resolve("controller.pem");
        Files.writeString(pem, PublicKeys.toPem(key.getPublic()));
        byte[] bundle = bundle(3);
        Path good = dir.resolve("bundle.json");
        Files.write(good, bundle);
        assertThat(recipe(recipe, dir, good, pem, 0), containsString("verified: " + good));
        List<Consumer<ObjectNode>> forgeries = forgeries();
        assertEquals(forgeries.size(), FORGERY_MESSAGES.size());
        for (int i = 0; i < forgeries.size(); i++) {
            ObjectNode json = parse(bundle);
            forgeries.get(i).accept(json);
            Path forged = dir.resolve("forged-" + i + ".json");
            Files.write(forged, CanonicalJson.write(json));
            assertFalse(verify(Files.readAllBytes(forged)).verified());
            assertThat(
                    "forgery " + i,
                    recipe(recipe, dir, forged, pem, 1),
                    containsString("NOT VERIFIED: " + forged + ": " + FORGERY_MESSAGES.get(i)));
        }
        Path otherKey = dir.resolve("other.pem");
        Files.writeString(otherKey, PublicKeys.toPem(AuditFixture.keyPair(2).getPublic()));
        assertThat(recipe(recipe, dir, good, otherKey, 1), containsString("the bundle names another key"));
        String text = new String(bundle, StandardCharsets.UTF_8);
        Path flipped = dir.resolve("flipped.json");
        Files.writeString(flipped, text.replace("looks good", "looks bad!"));
        assertThat(recipe(recipe, dir, flipped, pem, 1), containsString("does not match its hash"));
    }

    /**
     * Bundles that are not byte for byte canonical: verify-audit refuses each, and so must the recipe,
     * naming the check.
     */
    @Test
    public void theShellRecipeRefusesWhatIsNotCanonicalAsVerifyAuditDoes() throws Exception {
        Path dir = temp.newFolder("canonical").toPath();
        Path recipe = dir.resolve("verify-bundle.sh");
        Files.writeString(recipe, docBlock("verify-bundle-recipe"));
        Path pem = dir.resolve("controller.pem");
        Files.writeString(pem, PublicKeys.toPem(key.getPublic()));
        String text = new String(bundle(3), StandardCharsets.UTF_8);
        String format = ",\"format\":\"" + BundleBuilder.FORMAT + "\",";
        assertTrue(text.contains(format));
        assertTrue(text.contains("\"seq\":1,"));
        ObjectNode otherKey = parse(text.getBytes(StandardCharsets.UTF_8));
        otherKey.put("publicKey", PublicKeys.toPem(AuditFixture.keyPair(2).getPublic()));
        String[][] cases = {
            {
                "duplicate-key",
                text.replace(format, format + "\"format\":\"" + BundleBuilder.FORMAT + "\","),
                "not in canonical form"
            },
            {"escape", text.replaceFirst("\"seq\":1,", "\"se\\\\u0071\":1,"), "not in canonical form"},
            {
                "escaped-slash",
                text.replaceFirst("promotion-gates-audit-bundle/1", "promotion-gates-audit-bundle\\\\/1"),
                "not in canonical form"
            },
            {"float-integral", text.replaceFirst("\"seq\":1,", "\"seq\":1.0,"), "a number that is not an integer"},
            {"float", text.replaceFirst("\"seq\":1,", "\"seq\":1.5,"), "a number that is not an integer"},
            {"exponent", text.replaceFirst("\"seq\":1,", "\"seq\":1e0,"), "a number that is not an integer"},
            {"too-large", text.replaceFirst("\"seq\":1,", "\"seq\":9007199254740992,"), "an integer beyond 2^53-1"},
            {"whitespace", text.replaceFirst("\":", "\": "), "not in canonical form"},
            {"trailing-newline", text + "\n", "not in canonical form"},
            {"two-documents", text + text, "not one JSON document"},
            {"not-json", text.substring(0, text.length() - 1), "not one JSON document"},
            {
                "embedded-key",
                new String(CanonicalJson.write(otherKey), StandardCharsets.UTF_8),
                "the bundle names another key"
            },
        };
        for (String[] c : cases) {
            Path file = dir.resolve(c[0] + ".json");
            Files.writeString(file, c[1]);
            assertFalse(c[0], verify(Files.readAllBytes(file)).verified());
            String output = recipe(recipe, dir, file, pem, 1);
            assertThat(c[0], output, containsString("NOT VERIFIED: " + file + ": "));
            assertThat(c[0], output, containsString(c[2]));
        }
    }

    /** The documented OpenSSH-to-PEM conversion, run with the OpenSSH and OpenSSL installed here. */
    @Test
    public void theDocumentedKeyConversionTurnsTheOpenSshLineIntoTheControllersPem() throws Exception {
        Path dir = temp.newFolder("conversion").toPath();
        Files.writeString(
                dir.resolve("controller.pub"), PublicKeys.toOpenSsh(key.getPublic()) + " jenkins@controller\n");
        Path script = dir.resolve("convert.sh");
        Files.writeString(script, docBlock("openssh-key-conversion"));
        StringBuilder output = new StringBuilder();
        assertEquals(output.toString(), 0, AuditFixture.exec(List.of("bash", script.toString()), dir, output));
        assertEquals(PublicKeys.toPem(key.getPublic()), Files.readString(dir.resolve("controller.pem")));
        Path recipe = dir.resolve("verify-bundle.sh");
        Files.writeString(recipe, docBlock("verify-bundle-recipe"));
        Path good = dir.resolve("bundle.json");
        Files.write(good, bundle(2));
        recipe(recipe, dir, good, dir.resolve("controller.pem"), 0);
        // and ssh-keygen's own conversion indeed does not handle Ed25519 here, as the guide says
        Path keygen = dir.resolve("keygen.sh");
        Files.writeString(keygen, "ssh-keygen -e -m PKCS8 -f controller.pub\n");
        StringBuilder refused = new StringBuilder();
        if (AuditFixture.exec(List.of("bash", keygen.toString()), dir, refused) != 0) {
            assertThat(refused.toString(), containsString("unsupported key type ED25519"));
        }
    }

    @Test
    public void aMissingBundleIsAnIllegalArgumentNamingIt() {
        IllegalArgumentException e = org.junit.Assert.assertThrows(
                IllegalArgumentException.class, () -> BundleVerifier.verify(null, java.util.Optional.empty()));
        assertThat(e.getMessage(), containsString("the bundle is missing (null)"));
    }
}
