package io.jenkins.plugins.promotiongates.core.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Plain Java values become audit JSON, and whatever audit JSON cannot hold is named by its path. */
public class DetailsJsonTest {

    @Test
    public void plainValuesBecomeTheirJson() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("none", null);
        details.put("big", BigInteger.valueOf(42));
        details.put("small", (short) 7);
        details.put("list", Arrays.asList("a", null, 3L));
        details.put("flag", true);
        assertEquals(
                "{\"big\":42,\"flag\":true,\"list\":[\"a\",null,3],\"none\":null,\"small\":7}",
                new String(CanonicalJson.writeValue(details), StandardCharsets.UTF_8));
    }

    @Test
    public void whatAuditJsonCannotHoldIsNamedByItsPath() {
        assertEquals(
                "Audit details.list[2] is a floating-point number (1.5); audit JSON holds strings, integers, booleans,"
                        + " null, lists and maps only.",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> DetailsJson.toNode(Map.of("list", List.of(1, 2, 1.5)), "details"))
                        .getMessage());
        assertEquals(
                "Audit details.timeout is a Duration (PT1S); audit JSON holds strings, integers, booleans, null, lists"
                        + " and maps only.",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> DetailsJson.toNode(Map.of("timeout", Duration.ofSeconds(1)), "details"))
                        .getMessage());
        assertEquals(
                "Audit details has a non-text key 1.",
                assertThrows(IllegalArgumentException.class, () -> DetailsJson.toNode(Map.of(1, "one"), "details"))
                        .getMessage());
    }

    @Test
    public void aFormatRefusalNamesTheInputTheReasonAndTheRemedyWhenThereIsOne() {
        assertEquals(
                "audit.jsonl line 3: not valid JSON. Restore the file from a copy",
                new JsonFormatException("audit.jsonl line 3", "not valid JSON", "Restore the file from a copy")
                        .getMessage());
        assertEquals(
                "bundle.json: expected a JSON object",
                new JsonFormatException("bundle.json", "expected a JSON object", "").getMessage());
    }
}
