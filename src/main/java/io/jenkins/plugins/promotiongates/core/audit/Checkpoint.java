package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.Base64;

/**
 * A signed statement that the ledger held {@code size} entries whose last link hash is
 * {@code head}. The signature is Ed25519 over the canonical form of the checkpoint without its
 * {@code signature} member: {@code {"head":"...","size":N,"time":"..."}}.
 *
 * @param size number of ledger entries covered (entries 0 to size-1)
 * @param head link hash of entry size-1
 * @param time when it was signed (UTC, milliseconds)
 * @param signature base64 of the 64-byte Ed25519 signature
 */
public record Checkpoint(long size, String head, String time, String signature) {

    /** The number of entries covered as text, for pages (JEXL 1.x cannot show a {@code long size()}). */
    public String entryCount() {
        return Long.toString(size);
    }

    /** When it was signed, as pages show times: to the second. */
    public String displayTime() {
        return DisplayTime.ofText(time);
    }

    /** The bytes that are signed. */
    public byte[] signedBytes() {
        ObjectNode json = toJson();
        json.remove("signature");
        return CanonicalJson.write(json);
    }

    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.newObject();
        json.put("head", head);
        json.put("signature", signature);
        json.put("size", size);
        json.put("time", time);
        return json;
    }

    /**
     * Reads a checkpoint object exactly: the four members with their types, a 64-digit head, a
     * canonical base64 signature of 64 bytes.
     */
    static Checkpoint fromJson(JsonNode json, String input) throws AuditFormatException {
        String remedy = "A checkpoint has exactly head, signature, size and time";
        if (json == null || !json.isObject() || json.size() != 4) {
            throw new AuditFormatException(input, "not a checkpoint object", remedy);
        }
        JsonNode head = json.get("head");
        JsonNode size = json.get("size");
        JsonNode time = json.get("time");
        JsonNode signature = json.get("signature");
        if (head == null || !head.isTextual() || !Sha256.isHex(head.textValue())) {
            throw new AuditFormatException(input, "checkpoint head is not 64 lower-case hexadecimal digits", remedy);
        }
        if (size == null || !size.isIntegralNumber() || size.asLong() < 1) {
            throw new AuditFormatException(input, "checkpoint size is not a positive integer", remedy);
        }
        if (time == null || !time.isTextual()) {
            throw new AuditFormatException(input, "checkpoint time is not a string", remedy);
        }
        if (signature == null || !signature.isTextual() || !isCanonicalSignature(signature.textValue())) {
            throw new AuditFormatException(input, "checkpoint signature is not the base64 of 64 bytes", remedy);
        }
        return new Checkpoint(size.asLong(), head.textValue(), time.textValue(), signature.textValue());
    }

    private static boolean isCanonicalSignature(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return bytes.length == 64
                    && Base64.getEncoder().encodeToString(bytes).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
