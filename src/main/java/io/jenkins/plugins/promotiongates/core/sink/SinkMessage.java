package io.jenkins.plugins.promotiongates.core.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.audit.Checkpoint;
import io.jenkins.plugins.promotiongates.core.audit.LedgerLine;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One message a sink sends: a ledger entry, as the very bytes of its ledger line
 * ({@code {"event":{...},"hash":"...","prev":"...","seq":N}}), or a signed checkpoint, as
 * {@code {"checkpoint":{"head":"...","signature":"...","size":N,"time":"..."}}}. Both are one line of
 * canonical JSON; neither holds anything the ledger does not.
 *
 * @param kind an entry or a checkpoint
 * @param number the entry's ledger sequence number, or the checkpoint's size
 * @param bytes the line, without a newline
 */
public record SinkMessage(Kind kind, long number, byte[] bytes) {

    /** What a message carries. */
    public enum Kind {
        ENTRY,
        CHECKPOINT
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The message of a ledger entry. */
    public static SinkMessage entry(LedgerLine line) {
        return new SinkMessage(Kind.ENTRY, line.seq(), line.bytes());
    }

    /** The message of a signed checkpoint. */
    public static SinkMessage checkpoint(Checkpoint checkpoint) {
        ObjectNode json = CanonicalJson.newObject();
        json.set("checkpoint", checkpoint.toJson());
        return new SinkMessage(Kind.CHECKPOINT, checkpoint.size(), CanonicalJson.write(json));
    }

    /**
     * Reads back a line of a sink's queue.
     *
     * @throws IOException naming {@code where} if the line is neither message
     */
    public static SinkMessage read(byte[] bytes, String where) throws IOException {
        JsonNode json = parse(bytes);
        if (json != null
                && json.path("seq").isIntegralNumber()
                && json.path("event").isObject()) {
            return new SinkMessage(Kind.ENTRY, json.path("seq").asLong(), bytes);
        }
        JsonNode checkpoint = json == null ? null : json.get("checkpoint");
        if (checkpoint != null && checkpoint.path("size").isIntegralNumber()) {
            return new SinkMessage(Kind.CHECKPOINT, checkpoint.path("size").asLong(), bytes);
        }
        throw new IOException(where + " is neither a ledger entry nor a checkpoint: the sink's queue was damaged"
                + " or edited. Stop Jenkins, move the sink's directory aside and start again: the sink then starts"
                + " over from the ledger's end (with includeExistingEntries, from its first entry).");
    }

    /**
     * Whether {@code line} has the shape of a message: a JSON object starting with {@code "event"} or
     * {@code "checkpoint"}, without control characters (canonical JSON escapes them), so a line zeroed
     * or torn by a crash is told apart without parsing it.
     */
    static boolean wellFormed(byte[] line) {
        if (line.length < 2 || line[line.length - 1] != '}') {
            return false;
        }
        if (!startsWith(line, ENTRY_START) && !startsWith(line, CHECKPOINT_START)) {
            return false;
        }
        for (byte b : line) {
            if (b >= 0 && b < 0x20) {
                return false;
            }
        }
        return true;
    }

    private static final byte[] ENTRY_START = "{\"event\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT_START = "{\"checkpoint\":{".getBytes(StandardCharsets.US_ASCII);

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return line.length >= prefix.length
                && java.util.Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** When the event was recorded or the checkpoint signed (UTC, as the ledger writes it), or empty. */
    public String time() {
        JsonNode json = parse(bytes);
        JsonNode owner = json == null ? null : json.get(kind == Kind.ENTRY ? "event" : "checkpoint");
        return owner == null ? "" : owner.path("time").asText("");
    }

    /** What a syslog receiver can filter on: {@code entry} or {@code checkpoint}. */
    public String kindName() {
        return kind == Kind.ENTRY ? "entry" : "checkpoint";
    }

    /** The bytes as text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
