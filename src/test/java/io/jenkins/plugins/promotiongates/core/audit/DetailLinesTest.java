package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import org.junit.Test;

/** The run's audit page shows an event's details as readable lines, not as raw JSON. */
public class DetailLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void detailsBecomeOneKeyValueLinePerValue() throws Exception {
        String details = "{\"comment\":\"ok, shipped\",\"decidedAt\":\"2026-03-01T12:00:00.123Z\","
                + "\"gates\":[{\"gate\":\"branch\",\"passed\":true},{\"gate\":\"window\",\"passed\":false}],"
                + "\"rules\":[\"leads\",\"security\"],\"none\":[],\"nothing\":null,"
                + "\"snapshot\":{\"variables\":{\"JAVA_HOME\":\"/opt/jdk\"},\"tools\":{}},\"size\":1234}";
        assertEquals(
                List.of(
                        "comment: ok, shipped",
                        "decidedAt: 2026-03-01T12:00:00Z",
                        "gates[0].gate: branch",
                        "gates[0].passed: true",
                        "gates[1].gate: window",
                        "gates[1].passed: false",
                        "rules: leads, security",
                        "none: (none)",
                        "nothing: (none)",
                        "snapshot.variables.JAVA_HOME: /opt/jdk",
                        "snapshot.tools: (none)",
                        "size: 1234"),
                DetailLines.of(JSON.readTree(details)));
    }

    @Test
    public void noDetailsNoLines() throws Exception {
        assertEquals(List.of(), DetailLines.of(MissingNode.getInstance()));
        assertEquals(List.of(), DetailLines.of(JSON.readTree("{}")));
        assertEquals(List.of("just text"), DetailLines.of(JSON.readTree("\"just text\"")));
    }

    @Test
    public void aRowShowsItsRecordedTimeToTheSecondAndKeepsTheExactValuesForTheApi() {
        Timeline.Row row = new Timeline.Row(
                3,
                "2026-03-01T12:00:00.123Z",
                "approval.granted",
                "alice",
                "production",
                "",
                "",
                "{\"comment\":\"ok\"}",
                List.of("comment: ok"),
                "",
                "ab".repeat(32));
        assertEquals("2026-03-01T12:00:00Z", row.displayTime());
        assertEquals("2026-03-01T12:00:00.123Z", row.asMap().get("time"));
        assertEquals("{\"comment\":\"ok\"}", row.asMap().get("details"));
    }
}
