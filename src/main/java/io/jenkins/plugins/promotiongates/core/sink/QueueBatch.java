package io.jenkins.plugins.promotiongates.core.sink;

import java.util.List;

/**
 * Lines read from the head of a sink's queue, to deliver and then acknowledge.
 *
 * @param lines the lines, oldest first, without their newlines
 * @param from where they start
 * @param end where the next undelivered line starts once they are acknowledged
 * @param bytes their size on disk, newlines included
 */
record QueueBatch(List<byte[]> lines, QueuePosition from, QueuePosition end, long bytes) {

    static QueueBatch empty(QueuePosition at) {
        return new QueueBatch(List.of(), at, at, 0);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }
}
