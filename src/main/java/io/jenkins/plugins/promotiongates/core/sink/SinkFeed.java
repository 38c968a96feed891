package io.jenkins.plugins.promotiongates.core.sink;

import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.Checkpoint;
import io.jenkins.plugins.promotiongates.core.audit.LedgerLine;
import io.jenkins.plugins.promotiongates.core.audit.LedgerObserver;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The configured sinks of one controller, fed by its ledger: the one entry point of this package for
 * the glue. {@link #attach} makes the ledger tell the feed of every entry and checkpoint, which each
 * sink queues (quickly, under the ledger's lock, never waiting for a receiver); {@link #configure}
 * sets which sinks exist, each with its queue directory {@code <root>/<name>/} and its sender thread;
 * {@link #statuses} is the backlog the ledger page shows.
 */
public final class SinkFeed implements LedgerObserver, Closeable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path root;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;
    private final Object configuring = new Object();
    private final Map<String, DeliveryRecord> records = new HashMap<>();

    // Guarded by this.
    private final Map<String, Sink> sinks = new LinkedHashMap<>();
    private final Map<String, String> unusable = new LinkedHashMap<>();
    private long ledgerSize = -1;
    private LedgerSource ledger;

    private record Sink(SinkOutbox outbox, SinkSender sender, DeliveryRecord record) {}

    /**
     * @param root the directory of the sinks' queues ({@code JENKINS_HOME/promotion-gates/sinks})
     */
    public SinkFeed(Path root, DeliveryPolicy policy, Clock clock, RandomGenerator random) {
        this.root = root;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    /** Follows {@code service}'s ledger from now on; call once, before {@link #configure}. */
    public void attach(AuditService service) {
        synchronized (configuring) {
            synchronized (this) {
                ledger = LedgerSource.of(service);
            }
            service.observe(this);
        }
    }

    public synchronized boolean isAttached() {
        return ledgerSize >= 0;
    }

    @Override
    public synchronized void attached(long size) {
        ledgerSize = size;
        sinks.values().forEach(sink -> sink.outbox().attached(size));
    }

    @Override
    public synchronized void appended(List<LedgerLine> lines) {
        if (!lines.isEmpty()) {
            ledgerSize = lines.get(lines.size() - 1).seq() + 1;
        }
        sinks.values().forEach(sink -> sink.outbox().appended(lines));
    }

    @Override
    public synchronized void checkpointed(Checkpoint checkpoint) {
        sinks.values().forEach(sink -> sink.outbox().checkpointed(checkpoint));
    }

    /**
     * Makes {@code settings} the sinks, in this order: every sender stops (a batch in flight is sent
     * again), every queue is reopened with its new bound, and a sender starts for each. A sink whose
     * queue cannot be opened is left out, its reason shown by {@link #statuses}.
     *
     * @throws InvalidSinkException if two sinks have one name (nothing changes then)
     * @throws IllegalStateException if the feed is not attached to a ledger
     */
    public void configure(List<SinkSettings> settings) throws InterruptedException {
        Set<String> names = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (SinkSettings sink : settings) {
            if (!names.add(sink.basics().name())) {
                duplicates.add(sink.basics().field("name") + ": another sink has this name. Give each sink its own"
                        + " name: it names the sink's queue directory.");
            }
        }
        Problems.throwIfAny(duplicates);
        synchronized (configuring) {
            long size;
            LedgerSource source;
            List<Sink> old;
            synchronized (this) {
                if (ledgerSize < 0) {
                    throw new IllegalStateException("attach the sink feed to the ledger before configuring sinks");
                }
                size = ledgerSize;
                source = ledger;
                old = new ArrayList<>(sinks.values());
                sinks.clear();
                unusable.clear();
            }
            stopAndClose(old);
            Map<String, Sink> opened = new LinkedHashMap<>();
            Map<String, String> failed = new LinkedHashMap<>();
            for (SinkSettings sink : settings) {
                String name = sink.basics().name();
                try {
                    opened.put(name, open(sink, size, source));
                } catch (IOException | RuntimeException e) {
                    failed.put(name, "sink " + name + " is not running: " + e.getMessage());
                }
            }
            synchronized (this) {
                for (Map.Entry<String, Sink> sink : opened.entrySet()) {
                    sink.getValue().outbox().attached(ledgerSize);
                    sinks.put(sink.getKey(), sink.getValue());
                }
                unusable.putAll(failed);
            }
            opened.values().forEach(sink -> sink.sender().start());
        }
    }

    private Sink open(SinkSettings settings, long size, LedgerSource source) throws IOException {
        SinkBasics basics = settings.basics();
        Transport transport = settings.transport(policy);
        SinkOutbox outbox = SinkOutbox.open(
                root.resolve(basics.name()),
                basics.name(),
                basics.maxQueueBytes(),
                basics.includeExistingEntries() ? 0 : size,
                clock);
        DeliveryRecord record = records.computeIfAbsent(basics.name(), name -> new DeliveryRecord());
        return new Sink(
                outbox,
                new SinkSender(basics.name(), outbox, transport, source, policy, random, clock, record),
                record);
    }

    private static void stopAndClose(List<Sink> sinks) throws InterruptedException {
        for (Sink sink : sinks) {
            sink.sender().stop(STOP_TIMEOUT);
        }
        for (Sink sink : sinks) {
            try {
                sink.outbox().close();
            } catch (IOException e) {
                // the queue's files are all written; only its lock or channel failed to close
            }
        }
    }

    /** Each sink's backlog and last delivery, in configuration order; sinks that could not start say why. */
    public List<SinkStatus> statuses() {
        Map<String, Sink> running;
        Map<String, String> broken;
        synchronized (this) {
            running = new LinkedHashMap<>(sinks);
            broken = new LinkedHashMap<>(unusable);
        }
        List<SinkStatus> statuses = new ArrayList<>();
        running.forEach((name, sink) -> {
            String oldest;
            try {
                oldest = sink.outbox().oldestTime();
            } catch (IOException e) {
                oldest = "";
            }
            statuses.add(SinkStatus.of(
                    name,
                    sink.sender().destination(),
                    sink.outbox().backlog(),
                    oldest,
                    sink.record().snapshot()));
        });
        broken.forEach(
                (name, reason) -> statuses.add(new SinkStatus(name, "", "0", "0", "", "", "0", reason, "", "", true)));
        return statuses;
    }

    /** Stops every sender and closes every queue; the ledger's later entries wait in it for the next start. */
    @Override
    public void close() throws IOException {
        synchronized (configuring) {
            List<Sink> old;
            synchronized (this) {
                old = new ArrayList<>(sinks.values());
                sinks.clear();
            }
            try {
                stopAndClose(old);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the sinks", e);
            }
        }
    }
}
