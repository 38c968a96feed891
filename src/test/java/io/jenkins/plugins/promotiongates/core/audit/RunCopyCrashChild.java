package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Run in a child JVM by {@link RunCopyCrashTest}. Run 1's chain file is a named pipe that nobody
 * reads, so copying run 1's first event to it blocks right after the event was written to the
 * ledger; meanwhile run 2 records {@value #OTHER_EVENTS} events (several segments). Prints {@code
 * ledger} once run 1's entry is in the ledger and {@code other} once run 2's events are recorded,
 * then waits to be killed.
 */
public final class RunCopyCrashChild {

    static final int OTHER_EVENTS = 40;

    private RunCopyCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        AuditService service = AuditService.open(
                base.resolve("ledger"), AuditFixture.keyPair(1), options(), Clock.systemUTC(), AuditFixture.runs(base));
        RunRef blocked = AuditFixture.run(base, "copy", 1);
        Path pipe = blocked.directory().resolve(RunFile.NAME);
        // Reading the (empty) pipe before recording needs a writer that opens and closes it.
        Thread eof = new Thread(() -> {
            try {
                Files.newOutputStream(pipe).close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        eof.setDaemon(true);
        eof.start();
        Thread recorder = new Thread(() -> {
            try {
                service.record(blocked, AuditFixture.approval("alice", 0));
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        recorder.setDaemon(true);
        recorder.start();
        Path segment = base.resolve("ledger").resolve(SegmentFiles.name(0));
        while (Files.size(segment) == 0) {
            Thread.sleep(5);
        }
        System.out.println("ledger");
        System.out.flush();
        RunRef other = AuditFixture.run(base, "copy", 2);
        for (int i = 0; i < OTHER_EVENTS; i++) {
            service.record(other, AuditFixture.approval("bob", i));
        }
        System.out.println("other");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static LedgerOptions options() {
        return new LedgerOptions(4096, 1000, Duration.ofSeconds(60));
    }
}
