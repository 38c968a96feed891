package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one object the Jenkins glue talks to: records events (ledger first, then the run's chain
 * file), reads a run's chain, builds its bundle, reports and verifies the ledger.
 */
public final class AuditService implements Closeable {

    private static final int LOCK_STRIPES = 64;

    private final Ledger ledger;
    private final Clock clock;
    private final Object[] runLocks = new Object[LOCK_STRIPES];
    /** Runs whose run-file copy failed, with the ledger entry that was not copied. */
    private final Map<RunKey, Long> runFilesBehind = new ConcurrentHashMap<>();

    private final RunHeads runHeads = new RunHeads();

    private AuditService(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            runLocks[i] = new Object();
        }
    }

    /**
     * Opens the ledger under {@code ledgerRoot} (created if missing).
     *
     * @param key the controller's Ed25519 key pair; checkpoints are signed with it
     * @param runs resolves a run's build directory, to complete run files after a crash
     */
    public static AuditService open(
            Path ledgerRoot, KeyPair key, LedgerOptions options, Clock clock, RunDirectories runs) throws IOException {
        AuditService service = new AuditService(Ledger.open(ledgerRoot, key, options, clock), clock);
        service.completeRunFiles(runs);
        return service;
    }

    /**
     * Completes, from the ledger, the run files of runs with recent ledger entries: a crash between
     * the ledger write and the run-file write leaves the run file one entry behind.
     */
    private void completeRunFiles(RunDirectories runs) throws IOException {
        if (!ledger.status().appendable()) {
            return;
        }
        for (RunKey key : ledger.tailRuns()) {
            Optional<Path> directory = runs.directoryOf(key.job(), key.build());
            if (directory.isPresent() && Files.isDirectory(directory.get())) {
                RunRef run = new RunRef(key.job(), key.build(), "", directory.get());
                synchronized (runLocks[Math.floorMod(key.hashCode(), LOCK_STRIPES)]) {
                    catchUp(run, new ArrayList<>(RunFile.readForAppend(RunFile.directoryOf(run))));
                }
            }
        }
    }

    /**
     * Records {@code draft} as the next event of {@code run}. Returns once the event is durable in
     * the ledger and copied to the run's chain file.
     *
     * @throws IllegalArgumentException if the draft holds what audit JSON cannot (nothing is written)
     * @throws LedgerRefusedException if the ledger found an inconsistency (nothing is written)
     */
    public RecordedEvent record(RunRef run, EventDraft draft) throws IOException {
        RunKey key = RunKey.of(run);
        synchronized (runLocks[Math.floorMod(key.hashCode(), LOCK_STRIPES)]) {
            LedgerLine last = runHeads.get(key, RunFile.directoryOf(run));
            if (last == null || runFilesBehind.containsKey(key)) {
                List<LedgerLine> lines = new ArrayList<>(RunFile.readForAppend(RunFile.directoryOf(run)));
                catchUp(run, lines);
                last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            }
            AuditEvent event = AuditEvent.create(
                    draft,
                    key,
                    run.url(),
                    last == null ? 1 : last.runSeq() + 1,
                    last == null ? key.genesis() : last.eventHash(),
                    clock.instant());
            runHeads.forget(key);
            // The copy is made by the ledger's writer before it writes any later entry: a copy left
            // for after append() returned could lag behind by more entries than opening the ledger
            // looks at, and after a crash the run's next event would fork its chain.
            LedgerLine line = ledger.append(event, written -> {
                runFilesBehind.put(key, written.seq());
                RunFile.append(RunFile.directoryOf(run), List.of(written));
                runFilesBehind.remove(key);
            });
            runHeads.put(key, RunFile.directoryOf(run), line);
            return new RecordedEvent(event, line.seq(), line.link().hash());
        }
    }

    /**
     * Copies into the run file the run's ledger entries it lacks: those written to the ledger just
     * before a crash (or a failed run-file write) but not yet to the run file.
     */
    private void catchUp(RunRef run, List<LedgerLine> lines) throws IOException {
        RunKey key = RunKey.of(run);
        long known = lines.isEmpty() ? -1 : lines.get(lines.size() - 1).seq();
        Optional<Long> inTail = ledger.tailEntryOf(key);
        Long failed = runFilesBehind.get(key);
        long from;
        if (failed != null && failed > known) {
            from = failed;
        } else if (inTail.isPresent() && inTail.get() > known) {
            from = Math.max(known + 1, ledger.tailStart());
        } else {
            return;
        }
        List<LedgerLine> missing = new ArrayList<>();
        LedgerReader.scan(ledger.root(), from, line -> {
            if (line.run().equals(key)) {
                missing.add(line);
            }
            return true;
        });
        if (!missing.isEmpty()) {
            RunFile.append(RunFile.directoryOf(run), missing);
            lines.addAll(missing);
        }
        runFilesBehind.remove(key);
    }

    /** The run's events for its timeline page, with the chain check result. */
    public RunChain runChain(RunRef run) throws IOException {
        return RunChain.read(run);
    }

    /**
     * The run's events as the controller's ledger holds them: what gates decide from. The run file is
     * only a copy for display; each of its lines that the ledger does not hold, or holds differently,
     * is named in {@link LedgerEvents#disagreements()} and ignored. The run file's first line tells
     * where in the ledger to start looking; the events are believed only when the ledger itself shows
     * them complete (event 1 linked to the run's genesis, each next one to the one before), and the
     * scan starts again at the ledger's first entry otherwise. Streams the ledger, keeping only this
     * run's lines.
     *
     * <p>Takes no lock: the ledger line of an event is written before its copy in the run file, and
     * the run file is read first, so a genuine copy is never reported. An event recorded while the
     * ledger is read may or may not be included.
     *
     * @throws AuditFormatException if a ledger line read is malformed or does not follow the one before
     */
    public LedgerEvents ledgerEvents(RunRef run) throws IOException {
        return RunLedgerScan.read(ledger.root(), run);
    }

    /**
     * The run's audit bundle (canonical JSON, see docs/audit-format.md), signing a checkpoint now if
     * none covers the run's last event yet.
     */
    public byte[] bundle(RunRef run) throws IOException {
        synchronized (runLocks[Math.floorMod(RunKey.of(run).hashCode(), LOCK_STRIPES)]) {
            List<LedgerLine> lines = new ArrayList<>(RunFile.readForAppend(RunFile.directoryOf(run)));
            catchUp(run, lines);
            return BundleBuilder.build(ledger, run, lines);
        }
    }

    /**
     * Passes every event of one of {@code types} in the whole ledger to {@code consumer}, in ledger
     * order, one at a time: the ledger is streamed, never held in memory. Events appended while the scan
     * runs may or may not be included; a line still being written is not.
     *
     * @throws AuditFormatException if a ledger line is malformed (the ledger verification names it too)
     */
    public void events(Set<String> types, Consumer<AuditEvent> consumer) throws IOException {
        Set<String> wanted = Set.copyOf(types);
        List<byte[]> markers = wanted.stream()
                .map(type -> ("\"type\":\"" + type + "\"").getBytes(StandardCharsets.UTF_8))
                .toList();
        try {
            LedgerReader.scan(ledger.root(), 0, line -> {
                if (!mentionsAny(line.bytes(), markers)) {
                    return true; // canonical JSON writes a wanted type exactly so: no other line can hold one
                }
                ObjectNode entry;
                try {
                    entry = CanonicalJson.readObject(
                            line.bytes(), 0, line.bytes().length, "ledger entry " + line.seq());
                } catch (JsonFormatException e) {
                    throw new UncheckedIOException(e);
                }
                if (entry.get("event") instanceof ObjectNode event
                        && wanted.contains(event.path("type").asText())) {
                    consumer.accept(new AuditEvent(event, CanonicalJson.write(event)));
                }
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether {@code line} contains one of {@code markers}; a cheap filter before the line is parsed. */
    private static boolean mentionsAny(byte[] line, List<byte[]> markers) {
        for (byte[] marker : markers) {
            if (indexOf(line, marker) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public LedgerStatus status() throws IOException {
        return ledger.status();
    }

    /**
     * Tells {@code observer} of every entry and checkpoint from now on, once each is durable and in
     * ledger order (it replaces any observer attached before); {@link LedgerObserver#attached} says
     * from which entry on.
     */
    public void observe(LedgerObserver observer) {
        ledger.observe(observer);
    }

    /**
     * Passes the ledger's lines from entry {@code from} on, bytes as written, to {@code consumer} until
     * it returns false. Takes no lock: a line being written is not passed.
     *
     * @throws AuditFormatException if a line read is malformed
     */
    public void scan(long from, Predicate<LedgerLine> consumer) throws IOException {
        LedgerReader.scan(ledger.root(), from, consumer);
    }

    /** Every signed checkpoint, oldest first. */
    public List<Checkpoint> checkpoints() throws IOException {
        return List.copyOf(CheckpointLog.read(ledger.root()).checkpoints());
    }

    /** Verifies the whole ledger ("verify now"): every line, link, run chain and checkpoint. */
    public LedgerVerification verifyLedger() throws IOException {
        return LedgerVerifier.verify(ledger.root(), ledger.signer().publicKey());
    }

    /** Call periodically (for example every 10 seconds) so that time-based checkpoints are signed. */
    public Optional<Checkpoint> checkpointIfDue() throws IOException {
        return ledger.checkpointIfDue();
    }

    @Override
    public void close() throws IOException {
        ledger.close();
    }
}
