package io.jenkins.plugins.promotiongates.core.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a sink's queue holds when it is opened, after whatever stopped it: the delivered position from
 * its {@code delivered} file (or the start), and every undelivered line up to the first that is not
 * valid (a torn or zeroed tail after a crash), where the queue is cut and later segments deleted.
 *
 * @param cursor the first undelivered byte
 * @param queuedCount the undelivered lines
 * @param queuedBytes their size, newlines included
 * @param lastLine the last line the queue holds, delivered or not, or {@code null} if it never held one
 */
record QueueRecovery(QueuePosition cursor, long queuedCount, long queuedBytes, byte[] lastLine) {

    /** Reads, and cuts, the queue whose segments are {@code segments} (updated when segments are deleted). */
    static QueueRecovery of(Path directory, TreeMap<Long, Path> segments, Predicate<byte[]> valid) throws IOException {
        Path delivered = directory.resolve(DiskQueue.DELIVERED);
        String text = QueueFiles.read(delivered);
        QueuePosition start = segments.isEmpty() ? QueuePosition.START : new QueuePosition(segments.firstKey(), 0);
        QueuePosition cursor = text == null ? start : QueuePosition.parse(text, delivered);
        if (cursor.segment() < start.segment() || !segments.containsKey(cursor.segment()) && !segments.isEmpty()) {
            cursor = start;
        }
        Path first = segments.get(cursor.segment());
        cursor = new QueuePosition(cursor.segment(), Math.min(cursor.offset(), first == null ? 0 : Files.size(first)));
        long count = 0;
        long bytes = 0;
        byte[] last = null;
        boolean cut = false;
        for (Map.Entry<Long, Path> segment :
                new ArrayList<>(segments.tailMap(cursor.segment(), true).entrySet())) {
            Path file = segment.getValue();
            if (cut) {
                Files.delete(file);
                segments.remove(segment.getKey());
                continue;
            }
            long from = segment.getKey() == cursor.segment() ? cursor.offset() : 0;
            LineScan.Scan scan = LineScan.scan(file, from, valid);
            count += scan.lines();
            bytes += scan.end() - from;
            last = scan.last() == null ? last : scan.last();
            if (scan.end() < Files.size(file)) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(scan.end());
                    channel.force(true);
                }
                cut = true;
            }
        }
        for (Map.Entry<Long, Path> segment :
                segments.headMap(cursor.segment(), true).descendingMap().entrySet()) {
            if (last != null) {
                break;
            }
            long limit = segment.getKey() == cursor.segment() ? cursor.offset() : -1;
            last = limit == 0 ? null : LineScan.lastLine(segment.getValue(), limit);
        }
        return new QueueRecovery(cursor, count, bytes, last);
    }
}
