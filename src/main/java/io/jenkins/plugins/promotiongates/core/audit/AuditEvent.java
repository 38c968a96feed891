package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One recorded event: its JSON object (with {@code hash}) and canonical bytes. Fields the plugin
 * does not know are kept as they are, and hashed.
 */
public record AuditEvent(ObjectNode json, byte[] canonical) {

    /** The largest canonical event accepted, so that a ledger line stays under 1 MiB. */
    public static final int MAX_BYTES = LedgerLine.MAX_BYTES - 256;

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Creates the event that follows {@code prev} as number {@code seq} of {@code run}'s chain. */
    static AuditEvent create(EventDraft draft, RunKey run, String url, long seq, String prev, Instant time) {
        ObjectNode json = CanonicalJson.newObject();
        json.put("actor", draft.actor());
        if (draft.artifact() != null) {
            ObjectNode artifact = json.putObject("artifact");
            artifact.put("path", draft.artifact().path());
            artifact.put("sha256", draft.artifact().digest().hex());
            artifact.put("size", draft.artifact().size());
        }
        json.set("details", draft.detailsJson());
        if (draft.environment() != null) {
            json.put("environment", draft.environment());
        }
        if (draft.policyDigest() != null) {
            json.put("policyDigest", draft.policyDigest());
        }
        json.put("prev", prev);
        ObjectNode runJson = json.putObject("run");
        runJson.put("build", run.build());
        runJson.put("job", run.job());
        runJson.put("url", url);
        json.put("seq", seq);
        json.put("time", TIME.format(time.truncatedTo(ChronoUnit.MILLIS)));
        json.put("type", draft.type());
        String hash = hashOf(json);
        json.put("hash", hash);
        byte[] canonical = CanonicalJson.write(json);
        if (canonical.length > MAX_BYTES) {
            throw new IllegalArgumentException("Audit event '" + draft.type() + "' of " + run + " is "
                    + canonical.length + " bytes, over the limit of " + MAX_BYTES
                    + ". Record less in its details (for example a digest instead of a file's content).");
        }
        return new AuditEvent(json, canonical);
    }

    /** SHA-256 of the canonical form of {@code event} without its {@code hash} member. */
    static String hashOf(ObjectNode event) {
        ObjectNode withoutHash = event.deepCopy();
        withoutHash.remove("hash");
        return Sha256.hex(CanonicalJson.write(withoutHash));
    }

    public String hash() {
        return json.path("hash").asText();
    }

    public String prev() {
        return json.path("prev").asText();
    }

    public long seq() {
        return json.path("seq").asLong();
    }

    public String type() {
        return json.path("type").asText();
    }

    public String time() {
        return json.path("time").asText();
    }

    public String actor() {
        return json.path("actor").asText();
    }

    /** A member by name ({@code environment}, {@code artifact}, {@code details}...), or a missing node. */
    public JsonNode get(String member) {
        return json.path(member);
    }
}
