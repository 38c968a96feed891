package io.jenkins.plugins.promotiongates.core.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a sink's queue directory: segments {@code queue-<number, 20 digits>.jsonl} and small
 * state files replaced atomically (written to a temporary file, synced, renamed, directory synced).
 */
final class QueueFiles {

    private static final Pattern SEGMENT = Pattern.compile("queue-(\\d{20})\\.jsonl");

    private QueueFiles() {}

    static String segmentName(long number) {
        return String.format("queue-%020d.jsonl", number);
    }

    /** The segments under {@code directory} by number. */
    static TreeMap<Long, Path> segments(Path directory) throws IOException {
        TreeMap<Long, Path> segments = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path name = file.getFileName();
                Matcher matcher = SEGMENT.matcher(name == null ? "" : name.toString());
                if (matcher.matches()) {
                    segments.put(Long.parseLong(matcher.group(1)), file);
                }
            }
        }
        return segments;
    }

    /** Replaces {@code directory/name} with {@code text} so that a crash leaves the old or the new text, whole. */
    static void replace(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Path temporary = directory.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory);
    }

    /** The text of a small state file, or {@code null} if it does not exist. */
    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII) : null;
    }

    /** Creates an empty segment and makes its directory entry durable. */
    static Path createSegment(Path directory, long number) throws IOException {
        Path file = directory.resolve(segmentName(number));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        syncDirectory(directory);
        return file;
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** The segment numbers below {@code number}, to delete once delivered. */
    static Map<Long, Path> before(TreeMap<Long, Path> segments, long number) {
        return segments.headMap(number, false);
    }
}
