package io.jenkins.plugins.promotiongates.core.sink;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The loop that empties one sink's outbox: catches up from the ledger when behind, sends the oldest
 * batch, acknowledges it once delivered, and after a failure waits (exponential backoff with jitter)
 * and sends the same batch again, so messages arrive in order and at least once. Runs on its own
 * thread until {@link #stop}.
 */
final class SinkSender implements Runnable {

    private static final Logger LOGGER = Logger.getLogger(SinkSender.class.getName());

    private final String name;
    private final SinkOutbox outbox;
    private final Transport transport;
    private final LedgerSource ledger;
    private final DeliveryPolicy policy;
    private final Backoff backoff;
    private final Clock clock;
    private final DeliveryRecord record;
    private final Object pause = new Object();
    private volatile boolean stopped;
    private volatile Thread thread;

    SinkSender(
            String name,
            SinkOutbox outbox,
            Transport transport,
            LedgerSource ledger,
            DeliveryPolicy policy,
            RandomGenerator random,
            Clock clock,
            DeliveryRecord record) {
        this.name = name;
        this.outbox = outbox;
        this.transport = transport;
        this.ledger = ledger;
        this.policy = policy;
        this.backoff = new Backoff(policy.firstBackoff(), policy.maxBackoff(), random);
        this.clock = clock;
        this.record = record;
    }

    /** Starts the loop on a daemon thread named after the sink. */
    void start() {
        Thread started = new Thread(this, "Promotion Gates sink " + name);
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    @Override
    public void run() {
        int batchLimit = transport.maxBatchMessages();
        while (!stopped) {
            QueueBatch batch = null;
            try {
                outbox.catchUp(ledger);
                outbox.sync();
                batch = outbox.peek(batchLimit, transport.maxBatchBytes());
                if (batch.isEmpty()) {
                    outbox.awaitWork(policy.idlePoll().toMillis());
                    continue;
                }
                List<SinkMessage> messages = read(batch);
                transport.deliver(messages);
                outbox.acknowledge(batch);
                delivered(messages);
                batchLimit = transport.maxBatchMessages();
                if (messages.size() < batchLimit && batch.bytes() < transport.maxBatchBytes() / 2) {
                    pause(policy.linger()); // let the next messages gather: fewer, fuller batches
                }
            } catch (DeliveryException e) {
                if (e.tooLarge() && batch != null) {
                    batchLimit = Math.max(1, batch.lines().size() / 2);
                }
                failed(e.getMessage());
            } catch (IOException | RuntimeException e) {
                failed("sink " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
            }
        }
    }

    private List<SinkMessage> read(QueueBatch batch) throws IOException {
        List<SinkMessage> messages = new ArrayList<>(batch.lines().size());
        for (byte[] line : batch.lines()) {
            messages.add(SinkMessage.read(line, "a line of sink " + name + "'s queue"));
        }
        return messages;
    }

    private void delivered(List<SinkMessage> messages) {
        long lastEntry = -1;
        for (SinkMessage message : messages) {
            if (message.kind() == SinkMessage.Kind.ENTRY) {
                lastEntry = message.number();
            }
        }
        boolean recovered = record.snapshot().failuresInRow() > 0;
        record.delivered(messages.size(), lastEntry, clock.instant());
        if (recovered) {
            LOGGER.log(Level.INFO, "Promotion Gates sink {0} delivers to {1} again", new Object[] {
                name, transport.destination()
            });
        }
    }

    private void failed(String error) {
        int failures = record.failed(error, clock.instant());
        if (failures == 1) {
            LOGGER.log(
                    Level.WARNING,
                    "Promotion Gates sink {0}: {1} (retrying with backoff; recording goes on)",
                    new Object[] {name, error});
        }
        pause(backoff.after(failures));
    }

    /** Waits {@code wait}, or until {@link #stop}. */
    private void pause(Duration wait) {
        synchronized (pause) {
            long until = System.nanoTime() + wait.toNanos();
            long left = wait.toMillis();
            while (!stopped && left > 0) {
                try {
                    pause.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                left = (until - System.nanoTime()) / 1_000_000;
            }
        }
    }

    /** Stops the loop: ends a delivery in progress (it is sent again later) and waits up to {@code timeout} for the thread. */
    void stop(Duration timeout) throws InterruptedException {
        synchronized (pause) {
            stopped = true;
            pause.notifyAll();
        }
        outbox.wake();
        transport.abort();
        Thread running = thread;
        if (running != null) {
            running.join(timeout.toMillis());
        }
    }

    String destination() {
        return transport.destination();
    }
}
