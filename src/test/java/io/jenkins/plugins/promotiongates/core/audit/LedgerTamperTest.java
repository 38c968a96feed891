package io.jenkins.plugins.promotiongates.core.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Tampering with a ledger of several thousand entries over several segments is found by the verifier. */
public class LedgerTamperTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final KeyPair key = AuditFixture.keyPair(1);
    private Path root;
    private List<Path> segments;

    @Before
    public void generate() throws Exception {
        root = temp.getRoot().toPath().resolve("ledger");
        LedgerGenerator.generate(root, key, 5000, 40, 1 << 20, 250);
        segments =
                SegmentFiles.list(root).stream().map(SegmentFiles.Segment::path).toList();
        assertTrue(segments.size() > 2);
        assertTrue(verify().verified());
    }

    private LedgerVerification verify() throws Exception {
        return LedgerVerifier.verify(root, key.getPublic());
    }

    @Test
    public void sampledByteFlipsInsertionsAndDeletionsAreDetected() throws Exception {
        Random random = new Random(5);
        for (int trial = 0; trial < 90; trial++) {
            Path segment = segments.get(random.nextInt(segments.size()));
            byte[] original = Files.readAllBytes(segment);
            int position = random.nextInt(original.length);
            byte[] changed;
            switch (trial % 3) {
                case 0 -> {
                    changed = original.clone();
                    changed[position] ^= (byte) (1 << random.nextInt(8));
                }
                case 1 -> {
                    changed = new byte[original.length - 1];
                    System.arraycopy(original, 0, changed, 0, position);
                    System.arraycopy(original, position + 1, changed, position, original.length - position - 1);
                }
                default -> {
                    changed = new byte[original.length + 1];
                    System.arraycopy(original, 0, changed, 0, position);
                    changed[position] = (byte) "0a\" \n{".charAt(random.nextInt(6));
                    System.arraycopy(original, position, changed, position + 1, original.length - position);
                }
            }
            Files.write(segment, changed);
            assertFalse("trial " + trial + " at byte " + position + " of " + segment, verify().verified());
            Files.write(segment, original);
        }
    }

    @Test
    public void reorderedLinesAreDetected() throws Exception {
        List<String> lines = Files.readAllLines(segments.get(1), StandardCharsets.UTF_8);
        Collections.swap(lines, 10, 11);
        Files.write(segments.get(1), lines, StandardCharsets.UTF_8);
        assertThat(verify().problem().get(), containsString("entries were removed, inserted or reordered"));
    }

    @Test
    public void truncationBeforeTheLastCheckpointIsDetected() throws Exception {
        Path last = segments.get(segments.size() - 1);
        List<String> lines = Files.readAllLines(last, StandardCharsets.UTF_8);
        Files.write(last, lines.subList(0, lines.size() - 10), StandardCharsets.UTF_8);
        assertThat(verify().problem().get(), containsString("entries were removed from the end"));
        Files.delete(last);
        assertThat(verify().problem().get(), containsString("entries were removed from the end"));
    }

    @Test
    public void removingOneRunsEventsIsDetected() throws Exception {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(segments.get(0), StandardCharsets.UTF_8)) {
            if (!line.contains("\"job\":\"team/service-7\"")) {
                kept.add(line);
            }
        }
        Files.write(segments.get(0), kept, StandardCharsets.UTF_8);
        assertThat(verify().problem().get(), containsString("entries were removed, inserted or reordered"));
    }

    @Test
    public void aRemovedOrRenamedSegmentIsDetected() throws Exception {
        Files.delete(segments.get(1));
        assertThat(verify().problem().get(), containsString("a segment is missing"));
    }

    @Test
    public void malformedLinesFloatsWrongTypesAndHugeLinesAreNamed() throws Exception {
        Path first = segments.get(0);
        byte[] original = Files.readAllBytes(first);
        String text = new String(original, StandardCharsets.UTF_8);
        String[][] cases = {
            {text.replaceFirst("\"seq\":1,", "\"seq\":1.0,"), "floating-point"},
            {text.replaceFirst("\"seq\":1,", "\"seq\":\"1\","), "event.seq must be an integer"},
            {text.replaceFirst("\\{\"event\"", "{ \"event\""), "no whitespace"},
            {"x".repeat(LedgerLine.MAX_BYTES + 10) + "\n" + text, "longer than"},
            {text.replaceFirst("approval.granted", "Approval.Granted"), "event type is not well-formed"},
        };
        for (String[] c : cases) {
            Files.writeString(first, c[0], StandardCharsets.UTF_8);
            String problem = verify().problem().orElse("verified!");
            assertThat(problem, containsString(c[1]));
            assertThat(problem, containsString(first.toString()));
        }
        Files.write(first, original);
        assertTrue(verify().verified());
    }
}
