package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Run in a child JVM by {@link LedgerCrashTest}: records events from two threads as fast as it can
 * and prints each acknowledged ledger sequence number, until it is killed.
 */
public final class LedgerCrashChild {

    private LedgerCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        AuditService service = AuditService.open(
                base.resolve("ledger"),
                AuditFixture.keyPair(1),
                new LedgerOptions(16 << 10, 7, Duration.ofSeconds(60)),
                Clock.systemUTC(),
                AuditFixture.runs(base));
        Runnable appender = () -> {
            try {
                RunRef run =
                        AuditFixture.run(base, "crash", Thread.currentThread().getId());
                for (int i = 0; ; i++) {
                    long seq = service.record(run, AuditFixture.approval("alice", i))
                            .ledgerSeq();
                    synchronized (System.out) {
                        System.out.println(seq);
                        System.out.flush();
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(3);
            }
        };
        Thread other = new Thread(appender);
        other.start();
        appender.run();
    }
}
