package io.jenkins.plugins.promotiongates.core.sink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The on-disk queue: bounded, in order, durable across reopening, torn tails cut, one owner at a time. */
public class DiskQueueTest {

    private static final long BOUND = 2L * DiskQueue.MAX_LINE;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static List<byte[]> lines(int first, int count, int width) {
        List<byte[]> lines = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String text = "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(width) + "\"}";
            lines.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static List<String> drain(DiskQueue queue, int perBatch) throws IOException {
        List<String> seen = new ArrayList<>();
        for (QueueBatch batch = queue.peek(perBatch, Long.MAX_VALUE);
                !batch.isEmpty();
                batch = queue.peek(perBatch, Long.MAX_VALUE)) {
            batch.lines().forEach(line -> seen.add(new String(line, StandardCharsets.UTF_8)));
            assertTrue(queue.acknowledge(batch));
        }
        return seen;
    }

    private static List<String> texts(List<byte[]> lines) {
        return lines.stream()
                .map(line -> new String(line, StandardCharsets.UTF_8))
                .toList();
    }

    private static long segmentCount(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("queue-"))
                    .count();
        }
    }

    @Test
    public void linesComeOutInOrderAcrossSegmentsAndDeliveredSegmentsAreDeleted() throws Exception {
        Path directory = temp.getRoot().toPath().resolve("q");
        List<byte[]> all = new ArrayList<>();
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            // 256 KiB segments (a bound of 2 MiB): 300 lines of ~4 KiB span five.
            for (int i = 0; i < 30; i++) {
                List<byte[]> batch = lines(i * 10, 10, 4000);
                assertTrue(queue.offer(batch));
                all.addAll(batch);
            }
            assertEquals(300, queue.queuedCount());
            assertTrue(segmentCount(directory) > 3);
            assertEquals(texts(all), drain(queue, 7));
            assertEquals(0, queue.queuedCount());
            assertEquals(0, queue.queuedBytes());
            assertArrayEquals(all.get(all.size() - 1), queue.lastLine());
        }
        assertEquals(
                "once the position is recorded, only the segment last written remains", 1, segmentCount(directory));
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            assertEquals(0, queue.queuedCount());
            assertArrayEquals(
                    "the last line is found after everything was delivered", all.get(all.size() - 1), queue.lastLine());
        }
    }

    @Test
    public void aBatchStopsAtTheByteLimitButAlwaysCarriesOneLine() throws Exception {
        try (DiskQueue queue = DiskQueue.open(temp.getRoot().toPath(), BOUND)) {
            queue.offer(lines(0, 5, 100));
            QueueBatch batch = queue.peek(100, 250);
            assertEquals(2, batch.lines().size());
            QueueBatch tiny = queue.peek(100, 1);
            assertEquals(1, tiny.lines().size());
        }
    }

    @Test
    public void whatDoesNotFitIsRefusedWholeAndNothingIsWritten() throws Exception {
        try (DiskQueue queue = DiskQueue.open(temp.getRoot().toPath(), BOUND)) {
            List<byte[]> big = lines(0, 1, DiskQueue.MAX_LINE - 100);
            assertTrue(queue.offer(big));
            long bytes = queue.queuedBytes();
            assertFalse(queue.offer(lines(1, 2, DiskQueue.MAX_LINE / 2 + 100)));
            assertEquals(bytes, queue.queuedBytes());
            assertEquals(1, queue.queuedCount());
            assertEquals(BOUND - bytes, queue.freeBytes());
            assertThrows(IllegalArgumentException.class, () -> queue.offer(lines(9, 1, DiskQueue.MAX_LINE)));
        }
    }

    @Test
    public void reopeningResumesAfterTheLastAcknowledgedBatch() throws Exception {
        Path directory = temp.getRoot().toPath();
        List<byte[]> all = lines(0, 20, 10);
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            queue.offer(all);
            QueueBatch first = queue.peek(5, Long.MAX_VALUE);
            assertTrue(queue.acknowledge(first));
            queue.peek(5, Long.MAX_VALUE); // read but not acknowledged: delivered again
        }
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            assertEquals(15, queue.queuedCount());
            assertEquals(texts(all.subList(5, 20)), drain(queue, 4));
        }
    }

    @Test
    public void aTornLastLineIsCutOffWhenOpening() throws Exception {
        Path directory = temp.getRoot().toPath();
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            queue.offer(lines(0, 3, 10));
        }
        Path segment = directory.resolve(QueueFiles.segmentName(0));
        Files.writeString(segment, "{\"n\":3,\"pad\":\"xx", StandardOpenOption.APPEND);
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            assertEquals(3, queue.queuedCount());
            assertEquals("{\"n\":2,\"pad\":\"xxxxxxxxxx\"}", new String(queue.lastLine(), StandardCharsets.UTF_8));
            queue.offer(lines(3, 1, 1));
            assertEquals(texts(lines(0, 3, 10)).get(0), drain(queue, 10).get(0));
        }
        assertTrue(Files.readString(segment).endsWith("{\"n\":3,\"pad\":\"x\"}\n"));
    }

    @Test
    public void aZeroedOrDamagedTailIsCutAtTheFirstLineThatIsNotValidAndWhatFollowsIsDropped() throws Exception {
        Path directory = temp.getRoot().toPath();
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            queue.offer(lines(0, 3, 10));
        }
        Path segment = directory.resolve(QueueFiles.segmentName(0));
        // As a power loss can leave it: a block of zeros where lines were, then a line written later.
        Files.write(segment, new byte[40], StandardOpenOption.APPEND);
        Files.writeString(segment, "\n{\"n\":5,\"pad\":\"x\"}\n", StandardOpenOption.APPEND);
        try (DiskQueue queue = DiskQueue.open(directory, BOUND, line -> line.length > 0 && line[0] == '{')) {
            assertEquals(3, queue.queuedCount());
            assertEquals("{\"n\":2,\"pad\":\"xxxxxxxxxx\"}", new String(queue.lastLine(), StandardCharsets.UTF_8));
            assertEquals(texts(lines(0, 3, 10)), drain(queue, 10));
        }
    }

    @Test
    public void anEmptyQueueHasNoLastLineAndAStaleAcknowledgementIsRefused() throws Exception {
        try (DiskQueue queue = DiskQueue.open(temp.getRoot().toPath(), BOUND)) {
            assertNull(queue.lastLine());
            assertTrue(queue.peek(10, 10).isEmpty());
            queue.offer(lines(0, 2, 1));
            QueueBatch batch = queue.peek(10, Long.MAX_VALUE);
            assertTrue(queue.acknowledge(batch));
            assertFalse("already acknowledged", queue.acknowledge(batch));
        }
    }

    @Test
    public void aSecondOpenOfTheSameDirectoryIsRefusedUntilTheFirstCloses() throws Exception {
        Path directory = temp.getRoot().toPath();
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            IOException refused = assertThrows(IOException.class, () -> DiskQueue.open(directory, BOUND));
            assertThat(refused.getMessage(), containsString("in use by another Jenkins"));
        }
        DiskQueue.open(directory, BOUND).close();
    }

    @Test
    public void aDamagedDeliveredFileIsReportedNamingTheRemedy() throws Exception {
        Path directory = temp.getRoot().toPath();
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            queue.offer(lines(0, 2, 1));
            queue.acknowledge(queue.peek(1, Long.MAX_VALUE));
        }
        Files.writeString(directory.resolve(DiskQueue.DELIVERED), "nonsense");
        IOException e = assertThrows(IOException.class, () -> DiskQueue.open(directory, BOUND));
        assertThat(e.getMessage(), containsString("Delete that file to deliver the whole queue again"));
        Files.delete(directory.resolve(DiskQueue.DELIVERED));
        try (DiskQueue queue = DiskQueue.open(directory, BOUND)) {
            assertEquals("everything is delivered again", 2, queue.queuedCount());
        }
    }
}
