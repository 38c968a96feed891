package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's chain file {@value #NAME} in its build directory: byte-identical copies of the run's
 * ledger lines, in order. The ledger is written first and is the source of truth; this file is a
 * copy kept with the run, checked against the ledger and completed from it after a crash. It is
 * therefore not fsync'd: the ledger, which is, already made the event durable.
 */
final class RunFile {

    static final String NAME = "promotion-audit.jsonl";

    private RunFile() {}

    /**
     * The build directory of {@code run}, where its chain file lives.
     *
     * @throws IllegalArgumentException if the run was named without one
     */
    static Path directoryOf(RunRef run) {
        if (run.directory() == null) {
            throw new IllegalArgumentException("Run " + run.id() + " was named without its build directory, where"
                    + " the audit keeps the run's copy of its chain; name it with RunRef.withDirectory.");
        }
        return run.directory();
    }

    /** The lines of the file and where its complete lines end. */
    record Contents(List<LedgerLine> lines, long end, long size) {
        boolean torn() {
            return end < size;
        }
    }

    static Contents read(Path directory) throws IOException {
        Path file = directory.resolve(NAME);
        List<LedgerLine> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(lines, 0, 0);
        }
        LedgerLineDecoder decoder = new LedgerLineDecoder();
        long end = LineReader.forEachLine(
                file,
                (bytes, start, stop, offset) ->
                        lines.add(decoder.decode(bytes, start, stop, file.toString(), offset, true)));
        return new Contents(lines, end, Files.size(file));
    }

    /** Reads the file for appending: a torn final line is moved aside into {@code torn/} in the run directory. */
    static List<LedgerLine> readForAppend(Path directory) throws IOException {
        Contents contents = read(directory);
        if (contents.torn()) {
            TornTail.moveAside(directory, directory.resolve(NAME), contents.end());
        }
        return contents.lines();
    }

    static void append(Path directory, List<LedgerLine> lines) throws IOException {
        Path file = directory.resolve(NAME);
        int size = lines.stream().mapToInt(line -> line.bytes().length + 1).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        lines.forEach(line -> buffer.put(line.bytes()).put((byte) '\n'));
        buffer.flip();
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
