package io.jenkins.plugins.promotiongates.core.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AuditServiceEventsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ManualClock clock = AuditFixture.clock();

    private AuditService open() throws Exception {
        return AuditService.open(
                temp.getRoot().toPath().resolve("ledger"),
                AuditFixture.keyPair(3),
                new LedgerOptions(8192, 5, Duration.ofSeconds(30)),
                clock,
                AuditFixture.runs(temp.getRoot().toPath()));
    }

    private static EventDraft promotion(String type, int index) {
        return EventDraft.of(type, "alice").withEnvironment("production").withDetails(Map.of("index", index));
    }

    private static List<String> read(AuditService service, Set<String> types) throws Exception {
        List<String> seen = new ArrayList<>();
        service.events(
                types,
                event -> seen.add(
                        event.type() + ":" + event.get("details").path("index").asInt() + ":"
                                + event.get("run").path("job").asText()));
        return seen;
    }

    @Test
    public void streamsOnlyTheRequestedTypesOfEveryRunInLedgerOrderAcrossSegmentsAndReopening() throws Exception {
        List<String> expected = new ArrayList<>();
        try (AuditService service = open()) {
            RunRef a = AuditFixture.run(temp.getRoot().toPath(), "shop/main", 1);
            RunRef b = AuditFixture.run(temp.getRoot().toPath(), "other", 2);
            for (int i = 0; i < 60; i++) {
                String type = i % 3 == 0
                        ? EventTypes.PROMOTION_COMPLETED
                        : i % 3 == 1 ? EventTypes.PROMOTION_NOOP : EventTypes.APPROVAL_GRANTED;
                RunRef run = i % 2 == 0 ? a : b;
                service.record(run, promotion(type, i));
                if (!type.equals(EventTypes.APPROVAL_GRANTED)) {
                    expected.add(type + ":" + i + ":" + run.job());
                }
            }
            assertEquals(expected, read(service, Set.of(EventTypes.PROMOTION_COMPLETED, EventTypes.PROMOTION_NOOP)));
            assertEquals(List.of(), read(service, Set.of()));
        }
        try (Stream segments = new Stream(temp.getRoot().toPath().resolve("ledger"))) {
            assertEquals("the test must span several segments", true, segments.count() > 1);
        }
        try (AuditService reopened = open()) {
            assertEquals(expected, read(reopened, Set.of(EventTypes.PROMOTION_COMPLETED, EventTypes.PROMOTION_NOOP)));
        }
    }

    @Test
    public void eventsRecordedAfterAScanAreSeenByTheNextScanAndHashesAreKept() throws Exception {
        try (AuditService service = open()) {
            RunRef run = AuditFixture.run(temp.getRoot().toPath(), "shop/main", 1);
            assertEquals(List.of(), read(service, Set.of(EventTypes.PROMOTION_COMPLETED)));
            RecordedEvent recorded = service.record(run, promotion(EventTypes.PROMOTION_COMPLETED, 7));
            List<AuditEvent> events = new ArrayList<>();
            service.events(Set.of(EventTypes.PROMOTION_COMPLETED), events::add);
            assertEquals(1, events.size());
            assertEquals(recorded.event().hash(), events.get(0).hash());
            assertEquals(AuditEvent.hashOf(events.get(0).json()), events.get(0).hash());
        }
    }

    @Test
    public void aMalformedLedgerLineIsReportedWithItsEntryNumber() throws Exception {
        Path ledger = temp.getRoot().toPath().resolve("ledger");
        try (AuditService service = open()) {
            service.record(
                    AuditFixture.run(temp.getRoot().toPath(), "shop/main", 1),
                    promotion(EventTypes.PROMOTION_COMPLETED, 1));
            try (Stream segments = new Stream(ledger)) {
                Path segment = segments.first();
                String line = Files.readString(segment, StandardCharsets.UTF_8);
                Files.writeString(
                        segment,
                        line.replace("\"seq\":0}", "\"seq\":0,\"x\":}"),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.TRUNCATE_EXISTING);
            }
            AuditFormatException e = assertThrows(
                    AuditFormatException.class, () -> read(service, Set.of(EventTypes.PROMOTION_COMPLETED)));
            assertThat(e.getMessage(), containsString("ledger-"));
        }
    }

    /** The ledger's segment files. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> files;

        Stream(Path ledger) throws Exception {
            files = Files.list(ledger)
                    .filter(p -> p.getFileName().toString().startsWith("ledger-"))
                    .sorted();
        }

        long count() {
            return files.count();
        }

        Path first() {
            return files.findFirst().orElseThrow();
        }

        @Override
        public void close() {
            files.close();
        }
    }
}
