package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What the run's audit page, its {@code api/json} and its export show of the events a run recorded. */
public class TimelineTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** A run of {@code job} that recorded {@code drafts}, in a ledger of its own. */
    private RunRef recorded(String job, EventDraft... drafts) throws Exception {
        Path base = temp.getRoot().toPath();
        RunRef run = AuditFixture.run(base, job, 1);
        try (AuditService service = AuditService.open(
                base.resolve("ledger"),
                AuditFixture.keyPair(4),
                LedgerOptions.defaults(),
                AuditFixture.clock(),
                AuditFixture.runs(base))) {
            for (EventDraft draft : drafts) {
                service.record(run, draft);
            }
        }
        return run;
    }

    @Test
    public void rowsShowEachRecordedEventAndTheExportIsTheRecordedEventsByteForByte() throws Exception {
        RunRef run = recorded(
                "shop/app",
                AuditFixture.approval("alice", 1),
                EventDraft.of(EventTypes.GATE_PASSED, EventDraft.SYSTEM));
        RunChain chain = RunChain.read(run);
        Timeline timeline = Timeline.of(chain);

        assertTrue(timeline.intact());
        assertEquals("", timeline.problem());
        assertEquals(2, timeline.rows().size());
        Timeline.Row approval = timeline.rows().get(0);
        AuditEvent recorded = chain.events().get(0);
        assertEquals(1, approval.seq());
        assertEquals(EventTypes.APPROVAL_GRANTED, approval.type());
        assertEquals("alice", approval.actor());
        assertEquals("production", approval.environment());
        assertEquals("dist/app.tar.gz", approval.artifactPath());
        assertEquals(recorded.get("artifact").path("sha256").asText(), approval.artifactSha256());
        assertEquals(recorded.get("policyDigest").asText(), approval.policyDigest());
        assertEquals(recorded.hash(), approval.hash());
        assertEquals(recorded.time(), approval.time());
        assertEquals(
                new String(CanonicalJson.write(recorded.get("details")), StandardCharsets.UTF_8), approval.details());
        assertEquals(List.of("comment: looks good \u00e9 <b>/ \uD83D\uDE80", "index: 1"), approval.detailLines());

        Timeline.Row passed = timeline.rows().get(1);
        assertEquals(EventDraft.SYSTEM, passed.actor());
        assertEquals("", passed.environment());
        assertEquals("", passed.artifactPath());
        assertEquals("", passed.policyDigest());
        assertEquals("{}", passed.details());

        Map<String, Object> map = timeline.asMaps().get(0);
        assertEquals(
                List.of(
                        "seq",
                        "time",
                        "type",
                        "actor",
                        "environment",
                        "artifactPath",
                        "artifactSha256",
                        "details",
                        "policyDigest",
                        "hash"),
                List.copyOf(map.keySet()));
        assertEquals(approval.hash(), map.get("hash"));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write('[');
        expected.write(chain.events().get(0).canonical());
        expected.write(',');
        expected.write(chain.events().get(1).canonical());
        expected.write(']');
        assertArrayEquals(expected.toByteArray(), Timeline.exportJson(chain));
    }

    @Test
    public void aBrokenChainIsShownWithItsProblem() throws Exception {
        RunRef run = recorded("app", AuditFixture.approval("alice", 1), AuditFixture.approval("bob", 2));
        Path file = run.directory().resolve(RunFile.NAME);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.writeString(file, lines.get(1) + "\n", StandardCharsets.UTF_8);

        Timeline timeline = Timeline.of(RunChain.read(run));

        assertFalse(timeline.intact());
        assertEquals(RunChain.read(run).problem().orElseThrow(), timeline.problem());
        assertEquals("bob", timeline.rows().get(0).actor());
    }
}
