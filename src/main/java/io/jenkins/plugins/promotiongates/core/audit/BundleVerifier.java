package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an audit bundle offline and names the first broken link: canonical form, each event's
 * hash, the run chain from its genesis, the ledger links from the run's last event to the
 * checkpoint, and the checkpoint's signature.
 */
public final class BundleVerifier {

    /** Bundles larger than this are refused unread. */
    public static final int MAX_BYTES = 64 << 20;

    private static final List<String> MEMBERS = List.of("checkpoint", "events", "format", "ledger", "publicKey", "run");

    private String job = "";
    private long build;
    private int events;
    private Checkpoint checkpoint;
    private String fingerprint = "";

    private BundleVerifier() {}

    /** A broken link, with its reason. */
    private static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param trustedKey the key the auditor obtained independently; if empty, the bundle's own key
     *     is used (which proves only that the bundle is consistent)
     * @throws IllegalArgumentException if the bundle or the key option is null
     */
    public static BundleVerification verify(byte[] bundle, Optional<PublicKey> trustedKey) {
        if (bundle == null || trustedKey == null) {
            throw new IllegalArgumentException(
                    "the bundle"
                            + (bundle == null
                                    ? " is missing (null): pass the bytes of the bundle file"
                                    : "'s trusted key is"
                                            + " missing (null): pass Optional.empty() to check the bundle against its own key"));
        }
        BundleVerifier verifier = new BundleVerifier();
        String problem = null;
        try {
            verifier.check(bundle, trustedKey);
        } catch (Broken e) {
            problem = e.getMessage();
        }
        return new BundleVerification(
                Optional.ofNullable(problem),
                verifier.job,
                verifier.build,
                verifier.events,
                Optional.ofNullable(verifier.checkpoint),
                verifier.fingerprint);
    }

    private void check(byte[] bytes, Optional<PublicKey> trustedKey) throws Broken {
        ObjectNode bundle = canonical(bytes);
        for (String member : MEMBERS) {
            if (!bundle.has(member)) {
                throw new Broken("the bundle has no '" + member + "' member");
            }
        }
        if (bundle.size() != MEMBERS.size()) {
            throw new Broken("the bundle has members other than " + MEMBERS);
        }
        if (!BundleBuilder.FORMAT.equals(bundle.get("format").asText())) {
            throw new Broken("unknown bundle format " + bundle.get("format") + "; expected " + BundleBuilder.FORMAT);
        }
        PublicKey key = key(bundle.get("publicKey"), trustedKey);
        JsonNode run = bundle.get("run");
        if (!run.isObject()
                || !run.path("job").isTextual()
                || !run.path("build").canConvertToLong()) {
            throw new Broken("the bundle's run has no job name and build number");
        }
        job = run.get("job").textValue();
        build = run.get("build").asLong();
        String lastEvent = checkEvents(bundle.get("events"), run, new RunKey(job, build));
        LedgerLink lastLink = checkLinks(bundle.get("ledger"), lastEvent);
        try {
            checkpoint = Checkpoint.fromJson(bundle.get("checkpoint"), "the bundle's checkpoint");
        } catch (JsonFormatException e) {
            throw new Broken(e.getMessage());
        }
        if (checkpoint.size() != lastLink.seq() + 1 || !checkpoint.head().equals(lastLink.hash())) {
            throw new Broken("the checkpoint (" + checkpoint.size() + " entries, head " + checkpoint.head()
                    + ") does not cover the last ledger link (entry " + lastLink.seq() + ", " + lastLink.hash() + ")");
        }
        if (!CheckpointSigner.verify(key, checkpoint)) {
            throw new Broken("the checkpoint's signature is not valid for key " + fingerprint
                    + ": the checkpoint was altered or signed by another key");
        }
    }

    private static ObjectNode canonical(byte[] bytes) throws Broken {
        if (bytes.length > MAX_BYTES) {
            throw new Broken("the bundle is " + bytes.length + " bytes, over the limit of " + MAX_BYTES);
        }
        ObjectNode bundle;
        byte[] canonical;
        try {
            bundle = CanonicalJson.readObject(bytes, 0, bytes.length, "bundle");
            canonical = CanonicalJson.write(bundle);
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw new Broken("the bundle is not valid audit JSON: " + e.getMessage());
        }
        int mismatch = java.util.Arrays.mismatch(canonical, bytes);
        if (mismatch >= 0) {
            throw new Broken("the bundle is not in canonical form from byte " + mismatch
                    + " (a bundle is one line of sorted, compact JSON with no trailing newline)");
        }
        return bundle;
    }

    private PublicKey key(JsonNode pem, Optional<PublicKey> trustedKey) throws Broken {
        PublicKey own;
        try {
            own = PublicKeys.parse(pem.asText());
        } catch (IllegalArgumentException e) {
            throw new Broken("the bundle's public key: " + e.getMessage());
        }
        if (!PublicKeys.toPem(own).equals(pem.asText())) {
            throw new Broken("the bundle's public key is not in the exact PEM form the plugin writes");
        }
        if (trustedKey.isPresent() && !java.util.Arrays.equals(trustedKey.get().getEncoded(), own.getEncoded())) {
            throw new Broken("the bundle names key " + PublicKeys.fingerprint(own) + " but the trusted key is "
                    + PublicKeys.fingerprint(trustedKey.get()) + ": the bundle was not signed by this controller");
        }
        fingerprint = PublicKeys.fingerprint(own);
        return own;
    }

    private String checkEvents(JsonNode list, JsonNode run, RunKey key) throws Broken {
        if (!list.isArray() || list.isEmpty()) {
            throw new Broken("the bundle has no events");
        }
        String prev = key.genesis();
        for (int i = 0; i < list.size(); i++) {
            JsonNode event = list.get(i);
            String name = "event " + (i + 1);
            if (!event.isObject()) {
                throw new Broken(name + " is not an object");
            }
            String hash = event.path("hash").asText();
            if (!Sha256.same(AuditEvent.hashOf((ObjectNode) event), hash)) {
                throw new Broken(name + " (" + event.path("type").asText()
                        + ") does not match its hash: its content was altered");
            }
            if (!event.path("run").equals(run)) {
                throw new Broken(name + " belongs to another run than the bundle's");
            }
            if (!event.path("seq").isIntegralNumber() || event.path("seq").asLong() != i + 1) {
                throw new Broken(
                        name + " carries number " + event.path("seq") + ": events were removed, inserted or reordered");
            }
            if (!event.path("prev").asText().equals(prev)) {
                throw new Broken(name + " does not link to " + (i == 0 ? "the run's genesis" : "event " + i)
                        + ": events were removed, inserted, replaced or reordered");
            }
            prev = hash;
            events++;
        }
        return prev;
    }

    private static LedgerLink checkLinks(JsonNode list, String lastEvent) throws Broken {
        if (!list.isArray() || list.isEmpty()) {
            throw new Broken("the bundle has no ledger links");
        }
        LedgerLink previous = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode json = list.get(i);
            String name = "ledger link " + (i + 1);
            if (!json.isObject()
                    || json.size() != 4
                    || !json.path("seq").isIntegralNumber()
                    || !Sha256.isHex(json.path("event").asText())
                    || !Sha256.isHex(json.path("prev").asText())) {
                throw new Broken(name + " is not {event, hash, prev, seq}");
            }
            LedgerLink link = LedgerLink.of(
                    json.get("seq").asLong(),
                    json.get("prev").asText(),
                    json.get("event").asText());
            if (!Sha256.same(link.hash(), json.path("hash").asText())) {
                throw new Broken(name + " (entry " + link.seq() + ") does not match its hash");
            }
            if (previous == null && !link.event().equals(lastEvent)) {
                throw new Broken("the first ledger link is not the run's last event: the ledger does not vouch for it");
            }
            if (previous != null
                    && (link.seq() != previous.seq() + 1 || !link.prev().equals(previous.hash()))) {
                throw new Broken(name + " (entry " + link.seq() + ") does not follow entry " + previous.seq());
            }
            previous = link;
        }
        return previous;
    }
}
