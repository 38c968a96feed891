package io.jenkins.plugins.promotiongates.core.json;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The one-pass scanner, against oracles it does not share code with: Jackson writing the same bytes
 * (what is canonical), a strict UTF-8 decoder (what is well-formed), the event-type rule written as a
 * regular expression, and the byte positions of what the generator wrote (where members are). Every
 * document is scanned inside a larger buffer, so a scan that looked past its end would be caught.
 */
public class CanonicalScannerTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The event-type rule, as EventTypes words it. */
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private static final String[] KEYS = {
        "a",
        "ab",
        "b",
        "type",
        "seq",
        "details",
        "A",
        "\n",
        "\u0001",
        "\u007f",
        "\u00e9",
        "\uFF01",
        "\uD83D\uDE00",
        "q\"",
        "s\\",
        "x y",
        ""
    };

    private static final String[] TEXTS = {
        "",
        "approval.granted",
        "gate.passed",
        "a.b",
        "a.",
        ".a",
        "a..b",
        "A.b",
        "a.B",
        "a-1.b-2",
        "1a.b",
        "a.-b",
        "a",
        "tab\there",
        "caf\u00e9",
        "\u20ac\u2028",
        "\uD83D\uDE80",
        "quote\"back\\slash",
        "\u0000\u001f\u007f",
        "</script>"
    };

    private final Random random = new Random(12);
    private final CanonicalScanner scanner = new CanonicalScanner();

    @Test
    public void acceptsEveryCanonicalDocumentWhereverItSitsInABuffer() throws Exception {
        for (int trial = 0; trial < 1500; trial++) {
            byte[] canonical = CanonicalJson.write(object(0));
            Placed placed = place(canonical);
            scanner.scan(placed.buffer, placed.start, placed.start + canonical.length);
        }
    }

    @Test
    public void refusesEveryProperPrefixEvenWhenTheRestFollowsInTheBuffer() {
        for (int trial = 0; trial < 150; trial++) {
            byte[] canonical = CanonicalJson.write(object(0));
            for (int cut = 0; cut < canonical.length; cut++) {
                int stop = cut;
                CanonicalScanner.NotCanonical refusal = assertThrows(
                        new String(canonical, 0, cut, StandardCharsets.UTF_8),
                        CanonicalScanner.NotCanonical.class,
                        () -> scanner.scan(canonical, 0, stop));
                assertTrue(refusal.getMessage(), refusal.offset() <= cut);
            }
        }
    }

    @Test
    public void acceptsAChangedDocumentExactlyWhenJacksonWritesItSo() {
        int accepted = 0;
        for (int trial = 0; trial < 4000; trial++) {
            byte[] changed = change(CanonicalJson.write(object(0)));
            Placed placed = place(changed);
            boolean scannerAccepts;
            try {
                scanner.scan(placed.buffer, placed.start, placed.start + changed.length);
                scannerAccepts = true;
            } catch (CanonicalScanner.NotCanonical e) {
                scannerAccepts = false;
                assertTrue(e.offset() >= placed.start && e.offset() <= placed.start + changed.length);
            }
            assertEquals(
                    new String(changed, StandardCharsets.UTF_8),
                    CanonicalOracle.jacksonWritesItSo(changed),
                    scannerAccepts);
            accepted += scannerAccepts ? 1 : 0;
        }
        assertTrue("some changes stay canonical: " + accepted, accepted > 200);
    }

    @Test
    public void recordsWhereTheMembersOfTheOuterObjectsAreAndNothingDeeper() throws Exception {
        for (int trial = 0; trial < 800; trial++) {
            ObjectNode document = object(0);
            byte[] canonical = CanonicalJson.write(document);
            Placed placed = place(canonical);
            scanner.scan(placed.buffer, placed.start, placed.start + canonical.length);
            recorded = 0;
            checkMembers(document, -1, 0, placed.buffer);
        }
    }

    /** How many members the scanner has recorded so far, in document order: the index of the next one. */
    private int recorded;

    private void checkMembers(ObjectNode object, int parent, int depth, byte[] buffer) {
        assertEquals(object.size(), scanner.memberCount(parent));
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
        for (String name : names) {
            int index = recorded++;
            if (name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
                assertEquals(name, index, scanner.find(parent, ascii(name)));
            }
            JsonNode value = object.get(name);
            int start = scanner.valueStart(index);
            int stop = scanner.valueEnd(index);
            assertArrayEquals(CanonicalJson.write(value), Arrays.copyOfRange(buffer, start, stop));
            assertEquals(buffer[start], scanner.firstByte(index));
            assertEquals(name, CanonicalScanner.decode(buffer, scanner.keyStart(index), start - 1));
            if (value.isTextual()) {
                String text = value.textValue();
                assertEquals(text, CanonicalScanner.decode(buffer, start, stop));
                assertEquals(
                        text, text.length() <= 100 && EVENT_TYPE.matcher(text).matches(), scanner.isEventType(index));
            } else if (value.isIntegralNumber()) {
                assertEquals(value.longValue(), scanner.integer(index));
            } else if (value.isObject() && depth < 2) {
                checkMembers((ObjectNode) value, index, depth + 1, buffer);
            } else {
                assertEquals(
                        "members deeper than two levels or inside arrays are not recorded",
                        0,
                        scanner.memberCount(index));
            }
        }
        assertEquals(-1, scanner.find(parent, ascii("absent")));
    }

    @Test
    public void eventTypesAreRecognisedExactlyAsTheRuleWordsThem() throws Exception {
        String alphabet = "az09-.AZ/:`{@[";
        List<String> types =
                new ArrayList<>(List.of("a." + "b".repeat(98), "a." + "b".repeat(99), "z.z", "a.9", "a.0"));
        for (int trial = 0; trial < 3000; trial++) {
            StringBuilder type = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                type.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 6 : alphabet.length())));
            }
            types.add(type.toString());
        }
        for (String type : types) {
            byte[] line = CanonicalJson.write(CanonicalJson.newObject().put("type", type));
            scanner.scan(line, 0, line.length);
            assertEquals(
                    type,
                    type.length() <= 100 && EVENT_TYPE.matcher(type).matches(),
                    scanner.isEventType(scanner.find(-1, ascii("type"))));
        }
    }

    @Test
    public void findMatchesWholeKeysOnly() throws Exception {
        byte[] line = ascii("{\"a\":{\"ab\":1,\"b\":2},\"abc\":3,\"b\":{\"a\":4}}");
        scanner.scan(line, 0, line.length);
        int a = scanner.find(-1, ascii("a"));
        int b = scanner.find(-1, ascii("b"));
        assertEquals(0, a);
        assertEquals(4, b);
        assertEquals(3, scanner.find(-1, ascii("abc")));
        assertEquals(-1, scanner.find(-1, ascii("ab")));
        assertEquals(-1, scanner.find(-1, ascii("abcd")));
        assertEquals(1, scanner.find(a, ascii("ab")));
        assertEquals(5, scanner.find(b, ascii("a")));
        assertEquals(-1, scanner.find(b, ascii("b")));
        assertEquals(3, scanner.memberCount(-1));
        assertEquals(2, scanner.memberCount(a));
        assertEquals(1, scanner.memberCount(b));
        assertEquals(3, scanner.integer(3));
    }

    @Test
    public void integersAreReadBackExactlyAtTheirLimits() throws Exception {
        long[] values = {
            0, 1, -1, 9, -9, 10, 42, CanonicalJson.MAX_INTEGER, -CanonicalJson.MAX_INTEGER, 999_999_999_999_999L
        };
        for (long value : values) {
            byte[] line = ascii("{\"n\":" + value + "}");
            scanner.scan(line, 0, line.length);
            assertEquals(value, scanner.integer(scanner.find(-1, ascii("n"))));
        }
    }

    @Test
    public void refusalsNameTheReasonAndWhereItIs() {
        Object[][] cases = {
            {"", 0, "expected '{'"},
            {"[]", 0, "expected '{'"},
            {"{\"a\":-0}", 5, "-0 is not canonical; write 0"},
            {"{\"a\":-}", 6, "invalid number"},
            {"{\"a\":9007199254740992}", 5, "integer outside ±9007199254740991"},
            {"{\"a\":-9007199254740992}", 5, "integer outside ±9007199254740991"},
            {"{\"a\":10000000000000000}", 5, "integer outside ±9007199254740991"},
            {"{\"a\":1.5}", 6, "floating-point numbers are not allowed (integers only)"},
            {"{\"a\":1E5}", 6, "floating-point numbers are not allowed (integers only)"},
            {"{\"a\":00}", 6, "leading zeros are not allowed"},
            {"{\"a\":1,\"a\":2}", 7, "duplicate key a"},
            {"{\"b\":1,\"a\":2}", 7, "key a is out of order (keys must be sorted)"},
            {"{\"ab\":1,\"a\":2}", 8, "key a is out of order (keys must be sorted)"},
            {"{\"A\":1,\"\\n\":2}", 7, "key \n is out of order (keys must be sorted)"},
            {"{\"\\n\":1,\"\\n\":2}", 8, "duplicate key \n"},
            {"{\"a\":1 }", 6, "expected ',' or '}' (no whitespace is allowed)"},
            {"{\"a\":1\t}", 6, "expected ',' or '}' (no whitespace is allowed)"},
            {"{\"a\":1\r}", 6, "expected ',' or '}' (no whitespace is allowed)"},
            {"{\"a\":1\n}", 6, "expected ',' or '}' (no whitespace is allowed)"},
            {"{\"a\":1x}", 6, "expected ',' or '}'"},
            {"{\"a\":[1 ]}", 7, "expected ',' or ']' (no whitespace is allowed)"},
            {"{\"a\":[1x]}", 7, "expected ',' or ']'"},
            {"{\"a\"1}", 4, "expected ':'"},
            {"{1:1}", 1, "expected a key"},
            {"{\"a\":1,}", 7, "expected a key"},
            {"{\"a\":x}", 5, "unexpected character 'x' (no whitespace is allowed)"},
            {"{\"a\":\u00c3}", 5, "unexpected character '\u00c3' (no whitespace is allowed)"},
            {"{\"a\":tru}", 5, "invalid literal"},
            {"{\"a\":nul}", 5, "invalid literal"},
            {"{\"a\":fals}", 5, "invalid literal"},
            {"{\"a\":\"\\/\"}", 6, "escape '\\/' is not canonical"},
            {"{\"a\":\"\\u00E9\"}", 6, "\\u escapes use four lower-case hexadecimal digits"},
            {"{\"a\":\"\\u0041\"}", 6, "U+0041 must not be written as a \\u escape in canonical form"},
            {"{\"a\":\"\\u000a\"}", 6, "U+000A must not be written as a \\u escape in canonical form"},
            {"{\"a\":\"\u0001\"}", 6, "control character U+0001 must be escaped"},
            {"{\"a\":\"\u007f\"}", 6, "control character U+007F must be escaped"},
            {"{\"a\":1}x", 7, "unexpected data after the JSON object"},
        };
        for (Object[] c : cases) {
            byte[] line = ((String) c[0]).getBytes(StandardCharsets.ISO_8859_1);
            CanonicalScanner.NotCanonical refusal = assertThrows(
                    (String) c[0], CanonicalScanner.NotCanonical.class, () -> scanner.scan(line, 0, line.length));
            assertEquals((String) c[0], c[2], refusal.getMessage());
            assertEquals((String) c[0], (int) c[1], refusal.offset());
        }
    }

    @Test
    public void sixtyFourLevelsOfNestingAreTheLimit() throws Exception {
        for (String[] brackets : new String[][] {{"{\"a\":", "}"}, {"[", "]"}}) {
            for (int levels = 63; levels <= 66; levels++) {
                String inner = brackets[0].equals("[") ? "[]" : "{}";
                byte[] line = ascii(
                        "{\"n\":" + brackets[0].repeat(levels - 1) + inner + brackets[1].repeat(levels - 1) + "}");
                if (levels <= 64) {
                    scanner.scan(line, 0, line.length);
                } else {
                    assertThat(
                            assertThrows(CanonicalScanner.NotCanonical.class, () -> scanner.scan(line, 0, line.length))
                                    .getMessage(),
                            containsString("nested deeper than 64 levels"));
                }
            }
        }
    }

    @Test
    public void everyEscapeIsAcceptedExactlyWhenJacksonWritesItSo() {
        for (int c = 0; c < 256; c++) {
            assertScannerAgreesWithJackson(ascii("{\"a\":\"\\" + (char) c + "\"}"));
            assertScannerAgreesWithJackson(ascii("{\"a\":\"x\\" + (char) c + "y\"}"));
        }
        for (int code = 0; code < 0x100; code++) {
            assertScannerAgreesWithJackson(ascii(String.format("{\"a\":\"\\u%04x\"}", code)));
            assertScannerAgreesWithJackson(ascii(String.format("{\"\\u%04x\":1}", code)));
        }
    }

    @Test
    public void utf8IsAcceptedExactlyWhenItIsWellFormed() {
        int[] bytes = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};
        for (int lead = 0x80; lead < 0x100; lead++) {
            for (int second = 0; second < 0x100; second++) {
                assertUtf8Verdict(new byte[] {(byte) lead, (byte) second});
            }
            for (int second : bytes) {
                for (int third : bytes) {
                    assertUtf8Verdict(new byte[] {(byte) lead, (byte) second, (byte) third});
                    assertUtf8Verdict(new byte[] {(byte) lead, (byte) second, (byte) third, (byte) 0x80});
                    assertUtf8Verdict(new byte[] {(byte) lead, (byte) 0x90, (byte) second, (byte) third});
                }
            }
        }
    }

    private void assertUtf8Verdict(byte[] text) {
        byte[] line = stringMember(text);
        assertEquals(Arrays.toString(text), isUtf8(text) && printable(text), accepts(line));
    }

    @Test
    public void theWhitespaceNoteIsAddedOnlyAtWhitespace() {
        for (int c = 0; c < 128; c++) {
            byte[] line = ascii("{\"a\":1" + (char) c + "}");
            if (c >= '0' && c <= '9') {
                continue;
            }
            String message = assertThrows(CanonicalScanner.NotCanonical.class, () -> scanner.scan(line, 0, line.length))
                    .getMessage();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                assertThat(message, endsWith("(no whitespace is allowed)"));
            } else if (c != '.' && c != 'e' && c != 'E') {
                assertThat(message, not(containsString("whitespace")));
            }
        }
    }

    @Test
    public void keysAreAcceptedOnlyInStrictlyIncreasingCodePointOrder() {
        for (int trial = 0; trial < 3000; trial++) {
            List<String> keys = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                keys.add(KEYS[random.nextInt(KEYS.length)]);
            }
            StringBuilder line = new StringBuilder("{");
            for (String key : keys) {
                line.append(line.length() > 1 ? "," : "")
                        .append(new String(CanonicalJson.write(new TextNode(key)), StandardCharsets.UTF_8))
                        .append(":1");
            }
            byte[] bytes = line.append('}').toString().getBytes(StandardCharsets.UTF_8);
            boolean increasing = true;
            for (int i = 1; i < keys.size(); i++) {
                increasing &= Arrays.compareUnsigned(utf8(keys.get(i - 1)), utf8(keys.get(i))) < 0;
            }
            assertEquals(keys.toString(), increasing, accepts(bytes));
        }
    }

    @Test
    public void aLongObjectGrowsTheRecordsAndKeepsEveryMember() throws Exception {
        ObjectNode wide = CanonicalJson.newObject();
        for (int i = 0; i < 300; i++) {
            wide.putObject(String.format("k%03d", i)).put("v", i);
        }
        byte[] line = CanonicalJson.write(wide);
        scanner.scan(line, 0, line.length);
        assertEquals(300, scanner.memberCount(-1));
        int last = scanner.find(-1, ascii("k299"));
        assertEquals(299, scanner.integer(scanner.find(last, ascii("v"))));
    }

    // --- generators and oracles

    private ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(depth == 0 ? 5 : 4); i > 0; i--) {
            object.set(KEYS[random.nextInt(KEYS.length)], value(depth + 1));
        }
        return object;
    }

    private JsonNode value(int depth) {
        int kind = random.nextInt(depth < 5 ? 10 : 7);
        switch (kind) {
            case 0:
                return NODES.booleanNode(random.nextBoolean());
            case 1:
                return NODES.nullNode();
            case 2:
                long[] edges = {0, 1, 9, 10, CanonicalJson.MAX_INTEGER, 1_000_000_000_000_000L};
                long value = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt();
                return NODES.numberNode(random.nextBoolean() ? value : -value);
            case 3:
            case 4:
                return NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 5:
            case 6:
                return NODES.textNode(randomText());
            case 7:
            case 8:
                return object(depth);
            default:
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(value(depth + 1));
                }
                return array;
        }
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int choice = random.nextInt(8);
            int codePoint = choice < 4
                    ? 'a' + random.nextInt(26)
                    : choice < 6 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x10ff80);
            if (codePoint < 0xd800 || codePoint > 0xdfff) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** Changes one byte, or inserts or deletes one. */
    private byte[] change(byte[] bytes) {
        int at = random.nextInt(bytes.length);
        byte[] interesting = {'"', '\\', ',', ':', '{', '}', '[', ']', '0', '-', 'u', ' ', 'a', (byte) 0xc3, (byte) 0x80
        };
        byte value =
                random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
        switch (random.nextInt(3)) {
            case 0:
                byte[] changed = bytes.clone();
                changed[at] = value;
                return changed;
            case 1:
                byte[] longer = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, longer, 0, at);
                longer[at] = value;
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                return longer;
            default:
                byte[] shorter = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                return shorter;
        }
    }

    /** A buffer holding {@code bytes} at a random offset, with random bytes before and a valid-looking tail after. */
    private Placed place(byte[] bytes) {
        int before = random.nextInt(12);
        byte[] after = ascii(random.nextBoolean() ? "}]\"0123456789,\"}" : "\n{\"a\":1}\n");
        byte[] buffer = new byte[before + bytes.length + after.length];
        for (int i = 0; i < before; i++) {
            buffer[i] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, 0, buffer, before, bytes.length);
        System.arraycopy(after, 0, buffer, before + bytes.length, after.length);
        return new Placed(buffer, before);
    }

    private record Placed(byte[] buffer, int start) {}

    private void assertScannerAgreesWithJackson(byte[] line) {
        assertEquals(
                new String(line, StandardCharsets.ISO_8859_1), CanonicalOracle.jacksonWritesItSo(line), accepts(line));
    }

    private boolean accepts(byte[] line) {
        byte[] padded = Arrays.copyOf(line, line.length + 4);
        System.arraycopy(ascii("\"}]0"), 0, padded, line.length, 4);
        return CanonicalOracle.scannerAccepts(scanner, padded, 0, line.length);
    }

    private static byte[] stringMember(byte[] text) {
        byte[] head = ascii("{\"a\":\"");
        byte[] line = Arrays.copyOf(head, head.length + text.length + 2);
        System.arraycopy(text, 0, line, head.length, text.length);
        line[line.length - 2] = '"';
        line[line.length - 1] = '}';
        return line;
    }

    /** Bytes after a multi-byte lead that are themselves ASCII must be printable and need no escape. */
    private static boolean printable(byte[] text) {
        for (int i = 0; i < text.length; i++) {
            int c = text[i] & 0xff;
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
