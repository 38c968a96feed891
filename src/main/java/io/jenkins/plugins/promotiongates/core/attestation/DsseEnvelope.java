package io.jenkins.plugins.promotiongates.core.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE JSON envelope: {@code {"payload": <base64>, "payloadType": <type>, "signatures":
 * [{"keyid": <id>, "sig": <base64>}]}}. Written in canonical JSON with standard base64; read
 * accepting standard or URL-safe base64, as DSSE requires of verifiers. Holds the envelope as text:
 * nothing here is verified ({@link AttestationVerifier} does that).
 *
 * @param payloadType the payload's type, {@link StatementJson#PAYLOAD_TYPE} for an in-toto Statement
 * @param payload the serialized body, base64
 * @param signatures the signatures over the body's pre-authentication encoding ({@link Pae})
 */
public record DsseEnvelope(String payloadType, String payload, List<DsseSignature> signatures) {

    private static final String REMEDY = "Give the attestation file as the controller wrote it: a DSSE envelope,"
            + " {\"payload\": ..., \"payloadType\": ..., \"signatures\": [{\"keyid\": ..., \"sig\": ...}]}.";

    public DsseEnvelope {
        if (payloadType == null || payload == null || signatures == null) {
            throw new IllegalArgumentException("A DSSE envelope needs a payload type, a payload and signatures");
        }
        signatures = List.copyOf(signatures);
    }

    /** The envelope of {@code body} with standard base64. */
    static DsseEnvelope of(String payloadType, byte[] body, List<DsseSignature> signatures) {
        return new DsseEnvelope(payloadType, Base64.getEncoder().encodeToString(body), signatures);
    }

    /**
     * The serialized body.
     *
     * @throws IllegalArgumentException if {@link #payload} is not base64
     */
    public byte[] payloadBytes() {
        return decodeBase64(payload);
    }

    /** The envelope's canonical JSON bytes (UTF-8, keys sorted, no whitespace): the attestation file. */
    public byte[] toJson() {
        ObjectNode root = CanonicalJson.newObject();
        root.put("payload", payload);
        root.put("payloadType", payloadType);
        ArrayNode array = root.putArray("signatures");
        for (DsseSignature signature : signatures) {
            array.addObject().put("keyid", signature.keyid()).put("sig", signature.sig());
        }
        return CanonicalJson.write(root);
    }

    /**
     * Reads an envelope's JSON: an object with a string {@code payloadType}, a string
     * {@code payload} and at least one signature with a string {@code sig} (and, if present, a
     * string {@code keyid}).
     *
     * @param input the name of what was read, for messages
     * @throws AttestationRejectedException naming the input and what is wrong
     */
    public static DsseEnvelope parse(byte[] json, String input) throws AttestationRejectedException {
        ObjectNode root;
        try {
            root = CanonicalJson.readObject(json, 0, json.length, input);
        } catch (JsonFormatException e) {
            throw new AttestationRejectedException(input, "it is not a JSON object (" + e.getMessage() + ")", REMEDY);
        }
        JsonNode payloadType = root.get("payloadType");
        JsonNode payload = root.get("payload");
        JsonNode signatures = root.get("signatures");
        if (payloadType == null || !payloadType.isTextual() || payload == null || !payload.isTextual()) {
            throw new AttestationRejectedException(input, "it has no string payloadType and payload", REMEDY);
        }
        if (signatures == null || !signatures.isArray() || signatures.isEmpty()) {
            throw new AttestationRejectedException(input, "it has no signatures", REMEDY);
        }
        List<DsseSignature> parsed = new ArrayList<>();
        for (JsonNode signature : signatures) {
            JsonNode sig = signature.get("sig");
            JsonNode keyid = signature.get("keyid");
            if (sig == null || !sig.isTextual() || keyid != null && !keyid.isTextual()) {
                throw new AttestationRejectedException(
                        input,
                        "signature " + parsed.size() + " has no string sig, or a keyid that is not a string",
                        REMEDY);
            }
            parsed.add(new DsseSignature(keyid == null ? "" : keyid.textValue(), sig.textValue()));
        }
        return new DsseEnvelope(payloadType.textValue(), payload.textValue(), parsed);
    }

    /** Decodes standard or URL-safe base64, padded or not. */
    static byte[] decodeBase64(String text) {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    }
}
