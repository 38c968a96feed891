package io.jenkins.plugins.promotiongates.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical JSON form of the audit format (docs/audit-format.md): UTF-8, object keys sorted by
 * Unicode code point, no whitespace, integers only (within ±(2^53-1)), strings escaped exactly as
 * {@code jq -cS} escapes them. Written with Jackson; read strictly (duplicate keys, trailing data
 * and oversized input are errors).
 */
public final class CanonicalJson {

    /** The largest integer magnitude allowed: beyond it, jq (IEEE doubles) would print another value. */
    public static final long MAX_INTEGER = 9_007_199_254_740_991L;

    private static final BigInteger MAX = BigInteger.valueOf(MAX_INTEGER);

    /** Orders keys by code point, which is the byte order of their UTF-8 form (jq's order). */
    public static final Comparator<String> KEY_ORDER = CanonicalJson::compareCodePoints;

    private static final JsonFactory FACTORY = createFactory();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {}

    private static JsonFactory createFactory() {
        JsonFactory factory = JsonFactory.builder()
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(1 << 20)
                        .build())
                .build();
        factory.setCharacterEscapes(new JqEscapes());
        return factory;
    }

    /** jq escapes DEL (U+007F) as well as the C0 controls; Jackson's standard table does not. */
    private static final class JqEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] table = standardAsciiEscapesForJSON();

        JqEscapes() {
            table[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The canonical bytes of a tree of plain values (maps with string keys, lists, strings,
     * integers, booleans, nulls), for other parts of the engine that need the same form (policy
     * digests, promotion records).
     *
     * @throws IllegalArgumentException for floats, integers beyond +/-(2^53 - 1), or other types
     */
    public static byte[] writeValue(Object tree) {
        return write(DetailsJson.toNode(tree, "value"));
    }

    /**
     * The canonical bytes of {@code node}.
     *
     * @throws IllegalArgumentException naming the JSON path of a float, an integer out of range, a
     *     string with an unpaired surrogate or a non-JSON node
     */
    public static byte[] write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator, "$");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonNode node, JsonGenerator out, String path) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(KEY_ORDER);
                out.writeStartObject();
                for (String name : names) {
                    checkText(name, path);
                    out.writeFieldName(name);
                    write(node.get(name), out, path + "." + name);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (int i = 0; i < node.size(); i++) {
                    write(node.get(i), out, path + "[" + i + "]");
                }
                out.writeEndArray();
            }
            case STRING -> {
                checkText(node.textValue(), path);
                out.writeString(node.textValue());
            }
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException(
                            "Audit JSON allows integers only, but " + path + " is the number " + node.asText()
                                    + ". Record it as an integer (for example in milliseconds) or a string.");
                }
                BigInteger value = node.bigIntegerValue();
                if (value.abs().compareTo(MAX) > 0) {
                    throw new IllegalArgumentException(
                            "Integer " + value + " at " + path + " is outside ±" + MAX_INTEGER
                                    + ", which jq and JavaScript cannot represent exactly. Record it as a string.");
                }
                out.writeNumber(value.longValue());
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default ->
                throw new IllegalArgumentException(
                        "Audit JSON cannot hold the " + node.getNodeType() + " value at " + path + ".");
        }
    }

    private static void checkText(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        "The text at " + path + " holds an unpaired UTF-16 surrogate at index " + i
                                + ", which has no UTF-8 form. Remove it or replace it with U+FFFD.");
            }
        }
    }

    /**
     * Parses one JSON object strictly: valid UTF-8, no duplicate keys, nothing after it, at most
     * {@code maxBytes}.
     */
    public static ObjectNode readObject(byte[] bytes, int offset, int length, String input) throws JsonFormatException {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes, offset, length);
        } catch (JsonProcessingException e) {
            throw new JsonFormatException(input, "not valid JSON (" + e.getOriginalMessage() + ")", "");
        } catch (IOException e) {
            throw new JsonFormatException(input, "not valid JSON (" + e.getMessage() + ")", "");
        }
        if (node == null || !node.isObject()) {
            throw new JsonFormatException(input, "expected a JSON object", "");
        }
        return (ObjectNode) node;
    }

    /** Compares by Unicode code point (equivalently, by UTF-8 bytes). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
