package io.jenkins.plugins.promotiongates.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A final line without its newline, left by a crash in the middle of a write: it was never
 * acknowledged. It is moved aside, byte for byte, into {@code torn/} under the ledger root and cut
 * from the file; never dropped, never completed into a valid-looking line.
 *
 * @param file the file it was cut from
 * @param offset where it started in that file
 * @param length its length in bytes
 * @param savedAs where its bytes are kept
 */
public record TornTail(Path file, long offset, long length, Path savedAs) {

    static final String DIRECTORY = "torn";

    /** Moves {@code file[offset, end)} aside and truncates {@code file} at {@code offset}, durably. */
    static TornTail moveAside(Path root, Path file, long offset) throws IOException {
        Path directory = root.resolve(DIRECTORY);
        Files.createDirectories(directory);
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = source.size() - offset;
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(length, Integer.MAX_VALUE - 16));
            source.read(bytes, offset);
            bytes.flip();
            Path saved = directory.resolve(file.getFileName() + "." + offset + ".torn");
            for (int n = 1; Files.exists(saved); n++) {
                saved = directory.resolve(file.getFileName() + "." + offset + ".torn." + n);
            }
            try (FileChannel target =
                    FileChannel.open(saved, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                while (bytes.hasRemaining()) {
                    target.write(bytes);
                }
                target.force(true);
            }
            SegmentFiles.syncDirectory(directory);
            source.truncate(offset);
            source.force(true);
            return new TornTail(file, offset, length, saved);
        }
    }

    @Override
    public String toString() {
        return "torn final line of " + length + " bytes at byte " + offset + " of " + file + " (never acknowledged)"
                + " moved to " + savedAs;
    }
}
