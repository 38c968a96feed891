package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A run file ({@value RunFile#NAME}) read as a copy to compare with the ledger, never as evidence: a
 * build can write its build directory, so every line is checked against the ledger line it claims
 * to copy. Lines are kept without their bytes; the few that disagree are read again to say how.
 */
final class RunCopy {

    /** Run-file lines compared at most: a run records far fewer events. */
    static final int MAX_LINES = 10_000;
    /** Disagreements described one by one; any more are counted. */
    static final int MAX_DESCRIBED = 50;

    /** One line: decoded without its bytes, or why it could not be. */
    private record Line(long offset, LedgerLine line, String error) {}

    private final Path file;
    private final List<Line> lines;
    private final boolean truncated;

    private RunCopy(Path file, List<Line> lines, boolean truncated) {
        this.file = file;
        this.lines = lines;
        this.truncated = truncated;
    }

    static RunCopy read(Path directory) throws IOException {
        Path file = directory.resolve(RunFile.NAME);
        List<Line> lines = new ArrayList<>();
        boolean[] truncated = {false};
        if (Files.isRegularFile(file)) {
            LedgerLineDecoder decoder = new LedgerLineDecoder();
            try {
                LineReader.forEachLine(file, (bytes, start, end, offset) -> {
                    if (lines.size() >= MAX_LINES) {
                        truncated[0] = true;
                        return;
                    }
                    try {
                        lines.add(new Line(
                                offset, decoder.decode(bytes, start, end, file.toString(), offset, false), null));
                    } catch (JsonFormatException e) {
                        lines.add(new Line(offset, null, e.getMessage()));
                    }
                });
            } catch (JsonFormatException e) { // a line over the size limit: nothing after it is read
                lines.add(new Line(-1, null, e.getMessage()));
            }
        }
        return new RunCopy(file, lines, truncated[0]);
    }

    /** The ledger entry number of the file's first readable line (where to start looking), or -1. */
    long firstSeq() {
        return lines.stream()
                .filter(line -> line.line() != null)
                .mapToLong(line -> line.line().seq())
                .findFirst()
                .orElse(-1);
    }

    /**
     * One line per run-file line that the ledger does not confirm: not a ledger line, not one of
     * {@code key}'s ledger entries ({@code ledger}, by entry number), or different from it.
     */
    List<String> disagreements(RunKey key, Map<Long, LedgerLine> ledger) throws IOException {
        List<String> found = new ArrayList<>();
        Map<Long, Line> toDescribe = new HashMap<>();
        int more = 0;
        for (Line line : lines) {
            if (line.line() != null && same(line.line(), ledger.get(line.line().seq()))) {
                continue;
            }
            if (found.size() + toDescribe.size() >= MAX_DESCRIBED) {
                more++;
            } else if (line.line() == null) {
                found.add("Audit: " + file + " line at byte " + line.offset() + " is not a valid audit line ("
                        + line.error() + "); it is ignored: the controller's ledger decides");
            } else {
                toDescribe.put(line.offset(), line);
                found.add(null); // described below, in file order
            }
        }
        List<String> described = describe(key, ledger, toDescribe);
        List<String> result = new ArrayList<>();
        int next = 0;
        for (String line : found) {
            result.add(line != null ? line : described.get(next++));
        }
        if (more > 0) {
            result.add("Audit: " + more + " more lines of " + file + " disagree with the ledger; they are ignored");
        }
        if (truncated) {
            result.add("Audit: " + file + " holds more than " + MAX_LINES
                    + " lines; those after are not compared, and not used");
        }
        return result;
    }

    private static boolean same(LedgerLine copy, LedgerLine ledger) {
        // Each line's event hash was checked against its content and its link hash against the link:
        // equal links mean byte-identical events.
        return ledger != null && copy.link().equals(ledger.link());
    }

    /** Reads the lines at {@code offsets} again, with their bytes, to say how each differs. */
    private List<String> describe(RunKey key, Map<Long, LedgerLine> ledger, Map<Long, Line> offsets)
            throws IOException {
        Map<Long, String> texts = new HashMap<>();
        if (!offsets.isEmpty()) {
            LedgerLineDecoder decoder = new LedgerLineDecoder();
            try {
                LineReader.forEachLine(file, (bytes, start, end, offset) -> {
                    if (offsets.containsKey(offset)) {
                        LedgerLine copy = decoder.decode(bytes, start, end, file.toString(), offset, true);
                        texts.put(offset, describe(key, copy, ledger.get(copy.seq())));
                    }
                });
            } catch (JsonFormatException e) {
                // The file changed since it was read: the lines not read again are described by their links.
            }
        }
        List<Line> ordered = new ArrayList<>(offsets.values());
        ordered.sort(java.util.Comparator.comparingLong(Line::offset));
        List<String> result = new ArrayList<>();
        for (Line line : ordered) {
            String text = texts.get(line.offset());
            result.add(
                    text != null
                            ? text
                            : describe(key, line.line(), ledger.get(line.line().seq())));
        }
        return result;
    }

    private static String describe(RunKey key, LedgerLine copy, LedgerLine ledger) throws IOException {
        String what = "Audit: the run file's event " + copy.runSeq()
                + (copy.bytes() == null ? "" : " (" + type(copy) + ")") + ", copied from ledger entry " + copy.seq()
                + ", ";
        if (!copy.run().equals(key)) {
            return what + "belongs to " + copy.run() + ", not to " + key + "; it is ignored: the controller's ledger"
                    + " decides";
        }
        if (ledger == null) {
            return what + "is not in the controller's ledger (entry " + copy.seq() + " is not an event of " + key
                    + "); it is ignored: the controller's ledger decides";
        }
        return what + "differs from the ledger in " + differences(copy, ledger)
                + "; it is ignored and the ledger's event " + ledger.runSeq() + " is used";
    }

    private static String type(LedgerLine line) throws JsonFormatException {
        return RunLedgerScan.eventOf(line).type();
    }

    /** The event members (or the ledger link) in which the two lines differ. */
    private static String differences(LedgerLine copy, LedgerLine ledger) throws IOException {
        if (copy.bytes() == null || ledger.bytes() == null) {
            return "its event hash (" + copy.eventHash() + ", the ledger's " + ledger.eventHash() + ")";
        }
        ObjectNode a = RunLedgerScan.eventOf(copy).json();
        ObjectNode b = RunLedgerScan.eventOf(ledger).json();
        TreeSet<String> names = new TreeSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        List<String> differ = new ArrayList<>();
        for (String name : names) {
            JsonNode x = a.get(name);
            JsonNode y = b.get(name);
            if (!Objects.equals(x, y) && !"hash".equals(name)) {
                differ.add(name);
            }
        }
        if (differ.isEmpty()) {
            return "its ledger link (prev " + copy.link().prev() + ", hash "
                    + copy.link().hash() + ")";
        }
        return String.join(", ", differ);
    }
}
