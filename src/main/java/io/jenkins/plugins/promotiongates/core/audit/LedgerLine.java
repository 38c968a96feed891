package io.jenkins.plugins.promotiongates.core.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One line of the ledger (and of a run's chain file, which holds byte-identical copies of its
 * run's ledger lines): {@code {"event":{...},"hash":"<link hash>","prev":"<link prev>","seq":N}}.
 *
 * @param link the ledger chain link
 * @param run the run the event belongs to
 * @param runSeq the event's number in its run chain
 * @param runPrev the event's {@code prev} in its run chain
 * @param bytes the line without its newline
 */
public record LedgerLine(LedgerLink link, RunKey run, long runSeq, String runPrev, byte[] bytes) {

    /** Longest accepted line, newline included. */
    public static final int MAX_BYTES = 1 << 20;

    public long seq() {
        return link.seq();
    }

    public String eventHash() {
        return link.event();
    }

    /** The line for {@code event} as ledger entry {@code seq} after {@code prev}. */
    static LedgerLine encode(long seq, String prev, AuditEvent event) {
        LedgerLink link = LedgerLink.of(seq, prev, event.hash());
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.canonical().length + 200);
        out.writeBytes("{\"event\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(event.canonical());
        String tail = ",\"hash\":\"" + link.hash() + "\",\"prev\":\"" + prev + "\",\"seq\":" + seq + "}";
        out.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
        RunKey run = new RunKey(
                event.json().path("run").path("job").asText(),
                event.json().path("run").path("build").asLong());
        return new LedgerLine(link, run, event.seq(), event.prev(), out.toByteArray());
    }
}
