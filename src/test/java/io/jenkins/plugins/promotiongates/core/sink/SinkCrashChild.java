package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link SinkCrashTest}: records events from two threads as fast as it can, with
 * an HTTP sink attached, and prints each recorded ledger sequence number, until it is killed.
 */
public final class SinkCrashChild {

    private SinkCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        AuditService ledger = SinkFixture.ledger(base, 5);
        SinkFeed feed =
                new SinkFeed(base.resolve("sinks"), SinkFixture.FAST, SinkFixture.CLOCK, new SplittableRandom());
        feed.attach(ledger);
        feed.configure(List.of(HttpSinkTest.sink("siem", args[1], null)));
        Runnable recorder = () -> {
            try {
                RunRef run =
                        SinkFixture.run(base, "crash", Thread.currentThread().getId());
                for (int i = 0; ; i++) {
                    long seq = ledger.record(
                                    run,
                                    EventDraft.of("approval.granted", "alice").withDetails(Map.of("index", i)))
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
        Thread other = new Thread(recorder);
        other.start();
        recorder.run();
    }
}
