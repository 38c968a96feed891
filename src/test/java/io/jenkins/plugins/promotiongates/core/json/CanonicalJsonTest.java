package io.jenkins.plugins.promotiongates.core.json;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.audit.AuditFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CanonicalJsonTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** Every ASCII character, the escapes, non-BMP characters and code-point key order, as jq sees them. */
    private static ObjectNode tricky() {
        ObjectNode json = CanonicalJson.newObject();
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
        }
        json.put("ascii", ascii.toString());
        json.put(
                "unicode",
                "caf\u00e9 \u20ac \u2028\u2029 \uFEFF \uD83D\uDE80 \uD83D\uDC68\u200D\uD83D\uDC69 </script>");
        json.put("\uFF01", "fullwidth key sorts after the emoji key in UTF-16, before it by code point");
        json.put("\uD83D\uDE00", "emoji key");
        json.put("a/b", "slash");
        json.put("<", "less than");
        json.put("big", CanonicalJson.MAX_INTEGER);
        json.put("negative", -CanonicalJson.MAX_INTEGER);
        json.put("zero", 0);
        json.put("flag", true);
        json.putNull("nothing");
        json.putArray("list").add(1).add("two").addObject().put("z", 1).put("a", 2);
        json.putObject("nested").put("\n", "newline key").put("A", "A key");
        return json;
    }

    @Test
    public void canonicalFormIsByteIdenticalToJqCompactSorted() throws Exception {
        ObjectNode json = tricky();
        byte[] canonical = CanonicalJson.write(json);
        Path input = temp.newFile("in.json").toPath();
        // Feed jq a differently ordered, pretty-printed rendering so that jq does the sorting itself.
        Files.writeString(input, json.toPrettyString(), StandardCharsets.UTF_8);
        Path output = temp.getRoot().toPath().resolve("out.json");
        StringBuilder log = new StringBuilder();
        assertEquals(
                0,
                AuditFixture.exec(
                        List.of("bash", "-c", "jq -jcS . in.json > out.json"),
                        temp.getRoot().toPath(),
                        log));
        assertArrayEquals(new String(canonical, StandardCharsets.UTF_8), Files.readAllBytes(output), canonical);
    }

    @Test
    public void scannerAcceptsExactlyTheCanonicalForm() throws Exception {
        byte[] canonical = CanonicalJson.write(tricky());
        CanonicalScanner scanner = new CanonicalScanner();
        scanner.scan(canonical, 0, canonical.length);
        Random random = new Random(7);
        int accepted = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] mutated = canonical.clone();
            int position = random.nextInt(mutated.length);
            mutated[position] = (byte) random.nextInt(256);
            boolean scannerAccepts = CanonicalOracle.scannerAccepts(scanner, mutated, 0, mutated.length);
            boolean jacksonRoundTrips = CanonicalOracle.jacksonWritesItSo(mutated);
            assertEquals(
                    "byte " + position + " of " + new String(mutated, StandardCharsets.UTF_8),
                    jacksonRoundTrips,
                    scannerAccepts);
            accepted += scannerAccepts ? 1 : 0;
        }
        assertThat("some mutations stay canonical (other letters)", accepted > 100, is(true));
    }

    @Test
    public void nonCanonicalInputIsNamed() {
        String[][] cases = {
            {"{\"a\":1.5}", "floating-point"},
            {"{\"a\":1e3}", "floating-point"},
            {"{\"a\":9007199254740992}", "outside"},
            {"{\"a\":-0}", "-0"},
            {"{\"a\":01}", "leading zeros"},
            {"{\"b\":1,\"a\":2}", "out of order"},
            {"{\"a\":1,\"a\":2}", "duplicate"},
            {"{\"a\": 1}", "whitespace"},
            {"{\"a\":\"\\/\"}", "not canonical"},
            {"{\"a\":\"\\u00e9\"}", "must not be written"},
            {"{\"a\":\"\\u000A\"}", "lower-case"},
            {"{\"a\":\"\u007f\"}", "must be escaped"},
            {"{\"a\":\"x\"}x", "after"},
        };
        CanonicalScanner scanner = new CanonicalScanner();
        for (String[] c : cases) {
            byte[] bytes = c[0].getBytes(StandardCharsets.UTF_8);
            try {
                scanner.scan(bytes, 0, bytes.length);
                fail("accepted " + c[0]);
            } catch (CanonicalScanner.NotCanonical e) {
                assertThat(c[0], e.getMessage(), containsString(c[1]));
            }
        }
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'};
        assertThrows(CanonicalScanner.NotCanonical.class, () -> scanner.scan(overlong, 0, overlong.length));
    }

    @Test
    public void writerRejectsWhatJqWouldPrintDifferently() {
        ObjectNode floating = CanonicalJson.newObject().put("ms", 1.5);
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(floating))
                        .getMessage(),
                containsString("integers only, but $.ms is the number 1.5"));
        ObjectNode huge = CanonicalJson.newObject().put("n", CanonicalJson.MAX_INTEGER + 1);
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(huge))
                        .getMessage(),
                containsString("Record it as a string"));
        ObjectNode surrogate = CanonicalJson.newObject().put("s", "a\uD800b");
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(surrogate))
                        .getMessage(),
                containsString("unpaired UTF-16 surrogate"));
    }

    @Test
    public void unpairedSurrogatesAreRefusedInKeysAndAtTheEndOfAText() {
        for (ObjectNode json : List.of(
                CanonicalJson.newObject().put("a\uDC00", 1),
                CanonicalJson.newObject().put("s", "ends high \uD83D"),
                CanonicalJson.newObject().put("s", "\uDE00 starts low"))) {
            assertThat(
                    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(json))
                            .getMessage(),
                    containsString("unpaired UTF-16 surrogate"));
        }
        assertArrayEquals(
                "{\"s\":\"\uD83D\uDE80\"}".getBytes(StandardCharsets.UTF_8),
                CanonicalJson.write(CanonicalJson.newObject().put("s", "\uD83D\uDE80")));
    }

    @Test
    public void keyOrderComparesWholeKeysByCodePoint() {
        String[][] ordered = {
            {"a", "ab"},
            {"", "a"},
            {"ab", "b"},
            {"\uD83D\uDE00", "\uD83D\uDE01"},
            {"\uFF01", "\uD83D\uDE00"},
            {"\uFF01", "\uFF01a"},
            {"a\uD83D\uDE00", "a\uD83D\uDE00b"}
        };
        for (String[] pair : ordered) {
            assertThat(pair[0] + " < " + pair[1], CanonicalJson.KEY_ORDER.compare(pair[0], pair[1]) < 0, is(true));
            assertThat(pair[1] + " > " + pair[0], CanonicalJson.KEY_ORDER.compare(pair[1], pair[0]) > 0, is(true));
            assertEquals(0, CanonicalJson.KEY_ORDER.compare(pair[1], pair[1]));
        }
    }

    @Test
    public void writeValueWritesPlainTrees() {
        assertArrayEquals(
                "{\"a\":[1,\"x\",null,true],\"b\":{}}".getBytes(StandardCharsets.UTF_8),
                CanonicalJson.writeValue(Map.of("b", Map.of(), "a", Arrays.asList(1, "x", null, true))));
    }

    @Test
    public void keyOrderIsCodePointOrder() {
        List<String> keys = new ArrayList<>(List.of("\uFF01", "\uD83D\uDE00", "b", "a", "\u00e9"));
        keys.sort(CanonicalJson.KEY_ORDER);
        assertEquals(List.of("a", "b", "\u00e9", "\uFF01", "\uD83D\uDE00"), keys);
    }
}
