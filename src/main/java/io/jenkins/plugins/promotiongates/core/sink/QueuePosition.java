package io.jenkins.plugins.promotiongates.core.sink;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A byte position in a sink's queue: segment number and offset in it. Written to the queue's
 * {@code delivered} file as {@code "<segment> <offset>\n"}.
 */
record QueuePosition(long segment, long offset) {

    static final QueuePosition START = new QueuePosition(0, 0);

    String toText() {
        return segment + " " + offset + "\n";
    }

    /** Reads a {@code delivered} file's text. */
    static QueuePosition parse(String text, Path file) throws IOException {
        String[] parts = text.strip().split(" ");
        try {
            if (parts.length == 2) {
                QueuePosition position = new QueuePosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                if (position.segment >= 0 && position.offset >= 0) {
                    return position;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(file + " does not hold \"<segment> <offset>\" (it holds '" + text.strip()
                + "'): the sink's queue state was damaged or edited. Delete that file to deliver the whole"
                + " queue again (receivers drop what they already hold by its ledger sequence number).");
    }
}
