package io.jenkins.plugins.promotiongates.core.sink;

import java.util.List;

/**
 * What every sink has.
 *
 * @param name names the sink on pages and its queue directory {@code sinks/<name>/}
 * @param maxQueueMegabytes the most undelivered data its queue keeps on disk; what does not fit waits in the ledger
 * @param includeExistingEntries a new sink sends the whole ledger first, not only the entries recorded after it was added
 */
public record SinkBasics(String name, int maxQueueMegabytes, boolean includeExistingEntries) {

    /** 64 MiB: some 30,000 typical events. */
    public static final int DEFAULT_QUEUE_MEGABYTES = 64;

    long maxQueueBytes() {
        return (long) maxQueueMegabytes << 20;
    }

    /** Adds a problem for each field that cannot be used to {@code problems}. */
    void check(List<String> problems) {
        Problems.add(problems, field("name"), SinkFields.name(name));
        Problems.add(problems, field("maxQueueMegabytes"), SinkFields.maxQueueMegabytes(maxQueueMegabytes));
    }

    /** A field of this sink, as problems name it: {@code sinks[name].field}. */
    String field(String field) {
        return "sinks[" + name + "]." + field;
    }
}
