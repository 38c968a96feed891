package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.ByteRuns;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads a JSON Lines file in large blocks and hands out each complete line in place. */
final class LineReader {

    /** Receives one line, {@code bytes[start, end)} without its newline, found at byte {@code offset}. */
    @FunctionalInterface
    interface LineConsumer {
        void line(byte[] bytes, int start, int end, long offset) throws IOException;
    }

    private static final int BLOCK = 4 << 20;

    private LineReader() {}

    /**
     * Calls {@code consumer} for every newline-terminated line and returns the offset where the
     * complete lines end: bytes after it (a line without its newline) are a torn tail.
     */
    static long forEachLine(Path file, LineConsumer consumer) throws IOException {
        byte[] buffer = new byte[BLOCK + LedgerLine.MAX_BYTES];
        long bufferOffset = 0;
        int filled = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                int read = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
                if (read < 0) {
                    return bufferOffset;
                }
                filled += read;
                int lineStart = 0;
                for (int i = ByteRuns.newline(buffer, 0, filled); i >= 0; i = ByteRuns.newline(buffer, i + 1, filled)) {
                    consumer.line(buffer, lineStart, i, bufferOffset + lineStart);
                    lineStart = i + 1;
                }
                if (filled - lineStart >= LedgerLine.MAX_BYTES) {
                    throw new AuditFormatException(
                            file + " at byte " + (bufferOffset + lineStart),
                            "a line is longer than " + LedgerLine.MAX_BYTES + " bytes",
                            LedgerLineDecoder.REMEDY);
                }
                System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
                bufferOffset += lineStart;
                filled -= lineStart;
            }
        }
    }
}
