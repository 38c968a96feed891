package io.jenkins.plugins.promotiongates.core.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Reads newline-terminated lines of a queue segment by byte range. */
final class LineScan {

    private static final int BLOCK = 64 << 10;

    private LineScan() {}

    /** The length of {@code file} up to and including its last newline: bytes after it are a torn line. */
    static long completeLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = channel.size();
            byte[] block = new byte[BLOCK];
            while (end > 0) {
                int length = (int) Math.min(BLOCK, end);
                readFully(file, channel, block, end - length, length);
                for (int i = length - 1; i >= 0; i--) {
                    if (block[i] == '\n') {
                        return end - length + i + 1;
                    }
                }
                end -= length;
            }
            return 0;
        }
    }

    /** The last complete line ending at or before {@code limit} (the whole file if negative), or {@code null}. */
    static byte[] lastLine(Path file, long limit) throws IOException {
        long end = limit < 0 ? completeLength(file) : limit;
        if (end == 0) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = Math.max(0, end - DiskQueue.MAX_LINE);
            byte[] bytes = new byte[(int) (end - start)];
            readFully(file, channel, bytes, start, bytes.length);
            int lineEnd = bytes.length - 1;
            int lineStart = lineEnd;
            while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
                lineStart--;
            }
            return Arrays.copyOfRange(bytes, lineStart, lineEnd);
        }
    }

    /** The number of newlines in {@code file} between {@code from} and {@code to}. */
    static long count(Path file, long from, long to) throws IOException {
        long lines = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] block = new byte[BLOCK];
            for (long position = from; position < to; position += BLOCK) {
                int length = (int) Math.min(BLOCK, to - position);
                readFully(file, channel, block, position, length);
                for (int i = 0; i < length; i++) {
                    if (block[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    /**
     * What {@link #scan} found.
     *
     * @param lines the complete, valid lines from the start offset
     * @param end where they end: the file's length, or where a line that is not valid (or torn) starts
     * @param last the last valid line, or {@code null}
     */
    record Scan(long lines, long end, byte[] last) {}

    /** Reads {@code file} from {@code from} until its end or the first line {@code valid} refuses. */
    static Scan scan(Path file, long from, Predicate<byte[]> valid) throws IOException {
        long lines = 0;
        long end = from;
        byte[] last = null;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            while (end < size) {
                int length = (int) Math.min(size - end, (long) BLOCK + DiskQueue.MAX_LINE);
                byte[] block = new byte[length];
                readFully(file, channel, block, end, length);
                int start = 0;
                boolean any = false;
                for (int i = 0; i < length; i++) {
                    if (block[i] == '\n') {
                        byte[] line = Arrays.copyOfRange(block, start, i);
                        if (!valid.test(line)) {
                            return new Scan(lines, end + start, last);
                        }
                        lines++;
                        last = line;
                        start = i + 1;
                        any = true;
                    }
                }
                if (!any) {
                    return new Scan(lines, end, last); // a torn line, or one longer than any queued line
                }
                end += start;
            }
        }
        return new Scan(lines, end, last);
    }

    /** The complete lines (without newlines) in {@code length} bytes of {@code file} from {@code offset}. */
    static List<byte[]> lines(Path file, long offset, long length) throws IOException {
        byte[] bytes = new byte[(int) length];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            readFully(file, channel, bytes, offset, bytes.length);
        }
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    private static void readFully(Path file, FileChannel channel, byte[] into, long position, int length)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of " + file + " at byte " + (position + buffer.position()));
            }
        }
    }
}
