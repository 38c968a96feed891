package io.jenkins.plugins.promotiongates.core.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Reads ledger lines in order from a given sequence number, checking each line as it goes. */
final class LedgerReader {

    private LedgerReader() {}

    /**
     * Passes every complete line with sequence number {@code from} or more, bytes kept, to {@code
     * consumer} until it returns false.
     */
    static void scan(Path root, long from, Predicate<LedgerLine> consumer) throws IOException {
        List<SegmentFiles.Segment> segments = SegmentFiles.list(root);
        int first = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).firstSeq() <= from) {
                first = i;
            }
        }
        LedgerLineDecoder decoder = new LedgerLineDecoder();
        boolean[] more = {true};
        for (int i = first; i < segments.size() && more[0]; i++) {
            Path file = segments.get(i).path();
            LineReader.forEachLine(file, (bytes, start, stop, offset) -> {
                if (more[0]) {
                    LedgerLine line = decoder.decode(bytes, start, stop, file.toString(), offset, true);
                    if (line.seq() >= from) {
                        more[0] = consumer.test(line);
                    }
                }
            });
        }
    }
}
