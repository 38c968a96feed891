package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.json.CanonicalInteger;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The ledger verifier's byte-level fast path (link hashes, run keys and run genesis computed on the
 * bytes of a line, without strings or Jackson) is byte for byte the reference logic: Jackson's
 * canonical form, {@link RunKey#genesis()} and {@code jq -cS}, for random and hostile inputs.
 */
public class LedgerBytesPathTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static final HexFormat HEX = HexFormat.of();
    private final Random random = new Random(2026);
    private final MessageDigest digest = DigestAlgorithm.SHA256.newMessageDigest();

    @Test
    public void integersAreWrittenAsJavaAndJacksonWriteThem() {
        List<Long> values = new ArrayList<>(List.of(
                0L,
                1L,
                -1L,
                9L,
                10L,
                -10L,
                CanonicalJson.MAX_INTEGER,
                -CanonicalJson.MAX_INTEGER,
                Long.MAX_VALUE,
                Long.MIN_VALUE));
        for (int i = 0; i < 5000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        byte[] out = new byte[20];
        for (long value : values) {
            int start = CanonicalInteger.write(value, out);
            assertEquals(Long.toString(value), new String(out, start, out.length - start, StandardCharsets.US_ASCII));
        }
    }

    @Test
    public void hexOnBytesAgreesWithHexFormatAndTheStringCheck() {
        byte[] alphabet = "0123456789abcdefABCDEFgx/:`@ \u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int trial = 0; trial < 5000; trial++) {
            byte[] sum = new byte[32];
            random.nextBytes(sum);
            byte[] hex = new byte[70];
            Sha256.hex(sum, hex, 3);
            assertEquals(HEX.formatHex(sum), new String(hex, 3, 64, StandardCharsets.US_ASCII));
            byte[] back = new byte[33];
            Sha256.raw(hex, 3, back, 1);
            assertArrayEquals(sum, java.util.Arrays.copyOfRange(back, 1, 33));
            if (trial % 2 == 0) {
                hex[3 + random.nextInt(64)] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(hex, 3, 64, StandardCharsets.ISO_8859_1);
            assertEquals(text, Sha256.isHex(text), Sha256.isHex(hex, 3));
        }
    }

    @Test
    public void linkHashOnBytesIsTheHashOfTheCanonicalLinkObject() {
        for (int trial = 0; trial < 3000; trial++) {
            long seq = trial < 3
                    ? new long[] {0, 9, CanonicalJson.MAX_INTEGER}[trial]
                    : (random.nextLong() >>> 1) % (CanonicalJson.MAX_INTEGER + 1) >> random.nextInt(53);
            String prev = Sha256.hex("prev" + random.nextInt());
            String event = Sha256.hex("event" + random.nextInt());
            ObjectNode link = CanonicalJson.newObject();
            link.put("seq", seq);
            link.put("prev", prev);
            link.put("event", event);
            String reference = Sha256.hex(CanonicalJson.write(link));
            byte[] prevBytes = ("xx" + prev).getBytes(StandardCharsets.US_ASCII);
            byte[] eventBytes = ("y" + event).getBytes(StandardCharsets.US_ASCII);
            assertEquals(reference, HEX.formatHex(new LinkHasher(digest).hash(seq, prevBytes, 2, eventBytes, 1)));
            assertEquals(reference, LedgerLink.hash(seq, prev, event));
        }
    }

    @Test
    public void runKeyAndGenesisFromALineAreThoseOfTheJobNameForHostileNames() throws Exception {
        LedgerLineDecoder decoder = new LedgerLineDecoder();
        for (int trial = 0; trial < 1500; trial++) {
            RunKey run = new RunKey(HostileText.of(random, 12), HostileText.build(random));
            byte[] line = lineOf(run, 1 + random.nextInt(5), random.nextInt(1_000_000));
            decoder.check(line, 0, line.length, "line", 0);
            byte[] genesis = RunGenesis.of(decoder.build(), line, decoder.jobAt(), decoder.jobLength(), digest);
            assertEquals(run.toString(), run.genesis(), HEX.formatHex(genesis));
            RunKeyBytes key = new RunKeyBytes().point(line, decoder.jobAt(), decoder.jobLength(), decoder.build());
            assertEquals(run, key.toRunKey());
            assertEquals(run, key.copy().toRunKey());
            assertEquals(run.genesis(), HEX.formatHex(key.copy().genesis(digest)));
            assertEquals(
                    run, decoder.decode(line, 0, line.length, "line", 0, false).run());
        }
    }

    @Test
    public void runKeysOnBytesAreEqualExactlyWhenTheRunsAre() throws Exception {
        List<RunKey> pool = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String job = HostileText.of(random, 3);
            pool.add(new RunKey(job, 1 + random.nextInt(2)));
            pool.add(new RunKey(job + "\u0000", 1));
            pool.add(new RunKey(job.toUpperCase(java.util.Locale.ROOT), 1));
        }
        LedgerLineDecoder decoder = new LedgerLineDecoder();
        List<RunKeyBytes> keys = new ArrayList<>();
        for (RunKey run : pool) {
            byte[] line = lineOf(run, 1, 0);
            decoder.check(line, 0, line.length, "line", 0);
            keys.add(new RunKeyBytes()
                    .point(line, decoder.jobAt(), decoder.jobLength(), decoder.build())
                    .copy());
        }
        for (int i = 0; i < pool.size(); i++) {
            for (int j = 0; j < pool.size(); j++) {
                boolean same = pool.get(i).equals(pool.get(j));
                assertEquals(
                        pool.get(i) + " / " + pool.get(j), same, keys.get(i).equals(keys.get(j)));
                if (same) {
                    assertEquals(keys.get(i).hashCode(), keys.get(j).hashCode());
                }
            }
        }
    }

    /** The real jq agrees with the byte template: {@code jq -cS} of each genesis object is the text hashed. */
    @Test
    public void genesisTextIsWhatJqPrints() throws Exception {
        List<RunKey> runs = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            RunKey run = new RunKey(HostileText.of(random, 10), HostileText.build(random));
            runs.add(run);
            ObjectNode genesis = CanonicalJson.newObject();
            genesis.put("job", run.job());
            genesis.put("genesis", RunKey.GENESIS_TAG);
            genesis.put("build", run.build());
            input.append(genesis.toPrettyString()).append('\n'); // unsorted and indented: jq sorts and compacts
        }
        Path in = temp.newFile("genesis.json").toPath();
        Files.writeString(in, input, StandardCharsets.UTF_8);
        StringBuilder log = new StringBuilder();
        assertEquals(
                log.toString(),
                0,
                AuditFixture.exec(
                        List.of("bash", "-c", "jq -cS . genesis.json > out.jsonl"),
                        temp.getRoot().toPath(),
                        log));
        List<String> printed = Files.readAllLines(temp.getRoot().toPath().resolve("out.jsonl"), StandardCharsets.UTF_8);
        assertEquals(runs.size(), printed.size());
        LedgerLineDecoder decoder = new LedgerLineDecoder();
        for (int i = 0; i < runs.size(); i++) {
            byte[] line = lineOf(runs.get(i), 1, i);
            decoder.check(line, 0, line.length, "line", 0);
            byte[] jq = printed.get(i).getBytes(StandardCharsets.UTF_8);
            assertEquals(
                    printed.get(i),
                    Sha256.hex(jq),
                    HEX.formatHex(RunGenesis.of(decoder.build(), line, decoder.jobAt(), decoder.jobLength(), digest)));
        }
        assertTrue(runs.stream().anyMatch(run -> run.job().indexOf('\u007f') >= 0));
    }

    private static byte[] lineOf(RunKey run, long runSeq, long seq) {
        AuditEvent event = AuditEvent.create(
                AuditFixture.approval("alice", (int) seq),
                run,
                "job/x/",
                runSeq,
                Sha256.hex("previous event"),
                Instant.parse("2026-03-01T12:00:00.123Z"));
        return LedgerLine.encode(seq, LedgerLink.GENESIS, event).bytes();
    }
}
