package io.jenkins.plugins.promotiongates.core.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The ledger's segment files {@code ledger-<first seq, 20 digits>.jsonl} under its root directory. */
final class SegmentFiles {

    /** One segment: its file and the sequence number of its first line. */
    record Segment(Path path, long firstSeq) {}

    private static final Pattern NAME = Pattern.compile("ledger-(\\d{20})\\.jsonl");

    private SegmentFiles() {}

    static String name(long firstSeq) {
        return String.format("ledger-%020d.jsonl", firstSeq);
    }

    /** Every segment under {@code root}, in sequence order. */
    static List<Segment> list(Path root) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path name = file.getFileName();
                if (name == null) {
                    continue;
                }
                Matcher matcher = NAME.matcher(name.toString());
                if (matcher.matches()) {
                    segments.add(new Segment(file, Long.parseLong(matcher.group(1))));
                }
            }
        }
        segments.sort(Comparator.comparingLong(Segment::firstSeq));
        return segments;
    }

    /** Creates an empty file, then makes its directory entry durable. */
    static Path createDurably(Path directory, String name) throws IOException {
        Path file = directory.resolve(name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        syncDirectory(directory);
        return file;
    }

    /** fsync of a directory, so that files created or renamed in it survive a crash. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
