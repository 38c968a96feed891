package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The ledger's signed checkpoints: {@code checkpoints.jsonl} under the ledger root, one canonical object a line. */
final class CheckpointLog {

    static final String NAME = "checkpoints.jsonl";

    private CheckpointLog() {}

    /** The checkpoints read, and where the complete lines end (bytes after it are a torn tail). */
    record Contents(List<Checkpoint> checkpoints, long end) {}

    static Contents read(Path root) throws IOException {
        Path file = root.resolve(NAME);
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(checkpoints, 0);
        }
        long end = LineReader.forEachLine(file, (bytes, start, stop, offset) -> {
            String input = file + " at byte " + offset;
            Checkpoint checkpoint =
                    Checkpoint.fromJson(CanonicalJson.readObject(bytes, start, stop - start, input), input);
            byte[] canonical = CanonicalJson.write(checkpoint.toJson());
            if (!Arrays.equals(canonical, 0, canonical.length, bytes, start, stop)) {
                throw new AuditFormatException(
                        input, "checkpoint line is not in canonical form", LedgerLineDecoder.REMEDY);
            }
            if (!checkpoints.isEmpty()
                    && checkpoint.size()
                            <= checkpoints.get(checkpoints.size() - 1).size()) {
                throw new AuditFormatException(input, "checkpoint sizes must grow", LedgerLineDecoder.REMEDY);
            }
            checkpoints.add(checkpoint);
        });
        return new Contents(checkpoints, end);
    }

    static void append(Path root, Checkpoint checkpoint) throws IOException {
        Path file = root.resolve(NAME);
        boolean created = !Files.exists(file);
        byte[] json = CanonicalJson.write(checkpoint.toJson());
        ByteBuffer line =
                ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        }
        if (created) {
            SegmentFiles.syncDirectory(root);
        }
    }
}
