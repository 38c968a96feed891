package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The parallel, byte-level {@link LedgerVerifier} reaches exactly the verdict of the sequential,
 * string-and-Jackson verifier it replaced ({@link SequentialLedgerVerifier}): same entries, runs and
 * checkpoints counted, and the same first broken link named with the same words, with 1 and 3
 * threads and the default, on ledgers with hostile job names that are damaged at random (one or two places, bytes,
 * lines, segments, checkpoints) or whose run chains are wrong behind valid links.
 */
public class LedgerVerifierEquivalenceTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final KeyPair key = AuditFixture.keyPair(3);
    private final Random random = new Random(11);
    private final List<RunKey> runs = new ArrayList<>();

    private Path generate(String name, int faultAt, LedgerGenerator.Fault fault) throws Exception {
        if (runs.isEmpty()) {
            Random names = new Random(5);
            for (int i = 0; i < 40; i++) {
                runs.add(new RunKey(HostileText.of(names, 8), HostileText.build(names)));
            }
        }
        Path root = temp.getRoot().toPath().resolve(name);
        LedgerGenerator.generate(root, key, 600, seq -> runs.get(seq % runs.size()), 24 << 10, 50, faultAt, fault);
        return root;
    }

    private LedgerVerification sameVerdict(Path root) throws Exception {
        return sameVerdict(root, key.getPublic());
    }

    private static LedgerVerification sameVerdict(Path root, PublicKey trusted) throws Exception {
        LedgerVerification reference = SequentialLedgerVerifier.verify(root, trusted);
        assertEquals("default threads", reference, LedgerVerifier.verify(root, trusted));
        for (int threads : new int[] {1, 3}) {
            assertEquals("with " + threads + " threads", reference, LedgerVerifier.verify(root, trusted, threads));
        }
        return reference;
    }

    @Test
    public void randomDamageIsNamedAsTheSequentialVerifierNamesIt() throws Exception {
        Path root = generate("ledger", -1, LedgerGenerator.Fault.NONE);
        assertTrue(sameVerdict(root).verified());
        List<Path> files = new ArrayList<>(
                SegmentFiles.list(root).stream().map(SegmentFiles.Segment::path).toList());
        assertTrue("segments: " + files.size(), files.size() > 10);
        files.add(root.resolve(CheckpointLog.NAME));
        TreeSet<String> problems = new TreeSet<>();
        int broken = 0;
        for (int trial = 0; trial < 60; trial++) {
            Map<Path, byte[]> originals = new HashMap<>();
            int damages = 1 + random.nextInt(2);
            for (int d = 0; d < damages; d++) {
                Path file = files.get(random.nextInt(files.size()));
                damage(file, files, originals);
            }
            LedgerVerification verdict = sameVerdict(root);
            if (!verdict.verified()) {
                broken++;
                problems.add(verdict.problem()
                        .get()
                        .replace(root.toString(), "")
                        .replaceAll("[0-9a-f]{64}|\\d+", "N")
                        .replaceAll("\\(computed N\\)|'.'", ""));
            }
            for (Map.Entry<Path, byte[]> original : originals.entrySet()) {
                Files.write(original.getKey(), original.getValue());
            }
            for (Path file : files) {
                if (!Files.exists(file)) {
                    throw new AssertionError(file + " was not restored");
                }
            }
        }
        assertTrue("broken: " + broken, broken > 50);
        System.out.println(problems.size() + " kinds of problems: " + problems);
        assertTrue("kinds of problems: " + problems, problems.size() >= 10);
        assertTrue(sameVerdict(root).verified());
    }

    /** Damages one file: a byte, a line, lines across segments, a torn end, a segment gone. */
    private void damage(Path file, List<Path> files, Map<Path, byte[]> originals) throws Exception {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        originals.putIfAbsent(file, bytes.clone());
        List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        lines.remove(lines.size() - 1); // the empty string after the last newline
        int kind = random.nextInt(9);
        int position = random.nextInt(Math.max(1, bytes.length));
        int line = random.nextInt(Math.max(1, lines.size()));
        switch (kind) {
            case 0 -> {
                bytes[position] ^= (byte) (1 << random.nextInt(8));
                Files.write(file, bytes);
            }
            case 1 -> {
                byte[] shorter = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, shorter, 0, position);
                System.arraycopy(bytes, position + 1, shorter, position, bytes.length - position - 1);
                Files.write(file, shorter);
            }
            case 2 -> {
                lines.remove(line);
                write(file, lines);
            }
            case 3 -> {
                lines.add(line, lines.get(line));
                write(file, lines);
            }
            case 4 -> {
                if (lines.size() > 1) {
                    java.util.Collections.swap(lines, line, (line + 1) % lines.size());
                }
                write(file, lines);
            }
            case 5 -> {
                // The last line of this file moves to the start of the next segment.
                int next = files.indexOf(file) + 1;
                if (next < files.size() - 1 && !lines.isEmpty()) {
                    Path after = files.get(next);
                    originals.putIfAbsent(after, Files.readAllBytes(after));
                    List<String> afterLines = new ArrayList<>(Files.readAllLines(after, StandardCharsets.UTF_8));
                    afterLines.add(0, lines.remove(lines.size() - 1));
                    write(file, lines);
                    if (random.nextBoolean()) { // else the line is just gone
                        write(after, afterLines);
                    }
                }
            }
            case 6 -> Files.write(file, java.util.Arrays.copyOf(bytes, position)); // cut: a torn end
            case 7 -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                Files.writeString(file, text.replaceFirst("\"seq\":" + (1 + random.nextInt(3)) + ",", "\"seq\":7,"));
            }
            default -> {
                if (file.getFileName().toString().startsWith("ledger-")) {
                    Files.delete(file);
                } else {
                    Files.write(file, bytes);
                }
            }
        }
    }

    private static void write(Path file, List<String> lines) throws Exception {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    public void brokenRunChainsBehindValidLinksAreNamedAsTheSequentialVerifierNamesThem() throws Exception {
        TreeSet<String> problems = new TreeSet<>();
        int ledger = 0;
        // Entry 7 is the first event of its run, entry 500 the 13th of its run (a late segment).
        for (int faultAt : new int[] {7, 500}) {
            for (LedgerGenerator.Fault fault : new LedgerGenerator.Fault[] {
                LedgerGenerator.Fault.NUMBER, LedgerGenerator.Fault.PREV, LedgerGenerator.Fault.RESTART
            }) {
                Path root = generate("faulty-" + ledger++, faultAt, fault);
                LedgerVerification verdict = sameVerdict(root);
                if (!(faultAt == 7 && fault == LedgerGenerator.Fault.RESTART)) { // restarting a new run is no fault
                    assertFalse(fault + " at " + faultAt, verdict.verified());
                    problems.add(verdict.problem().get().replaceAll(".*: event", "event"));
                    assertTrue(
                            verdict.problem().get(),
                            verdict.problem()
                                    .get()
                                    .contains(runs.get(faultAt % 40).toString()));
                }
                if (faultAt == 7) {
                    continue;
                }
                // Damage before the faulty event is named first; damage after it is not named.
                List<SegmentFiles.Segment> segments = SegmentFiles.list(root);
                for (SegmentFiles.Segment segment : List.of(segments.get(0), segments.get(segments.size() - 1))) {
                    byte[] original = Files.readAllBytes(segment.path());
                    byte[] flipped = original.clone();
                    flipped[original.length / 2] ^= 4;
                    Files.write(segment.path(), flipped);
                    assertFalse(sameVerdict(root).verified());
                    Files.write(segment.path(), original);
                }
            }
        }
        assertEquals(problems.toString(), 5, problems.size());
    }

    @Test
    public void aSegmentFromAnotherLedgerAndAnotherKeyAreNamedAsTheSequentialVerifierNamesThem() throws Exception {
        Path root = generate("ledger", -1, LedgerGenerator.Fault.NONE);
        String signature =
                sameVerdict(root, AuditFixture.keyPair(4).getPublic()).problem().get();
        assertTrue(signature, signature.contains("has no valid signature by key"));
        Path other = generate("other", 3, LedgerGenerator.Fault.PREV); // differs from entry 3 on
        SegmentFiles.Segment middle = SegmentFiles.list(root).get(5);
        Files.copy(
                other.resolve(middle.path().getFileName()),
                middle.path(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String problem = sameVerdict(root).problem().get();
        assertTrue(problem, problem.contains(middle.path() + " at byte 0: entry " + middle.firstSeq()));
        assertTrue(problem, problem.contains("does not link to the entry before it"));
    }
}
