package io.jenkins.plugins.promotiongates.core.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last line of recently active run files, so that recording an event does not
 * re-read the whole run file: the cached line is used only while the file still has the size it
 * had when the line was cached.
 */
final class RunHeads {

    private static final int CAPACITY = 1024;

    private record Head(LedgerLine line, long fileSize) {}

    private final Map<RunKey, Head> heads = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<RunKey, Head> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The run file's last line if it is cached and the file is unchanged; null otherwise. */
    synchronized LedgerLine get(RunKey run, Path directory) throws IOException {
        Head head = heads.get(run);
        if (head == null) {
            return null;
        }
        Path file = directory.resolve(RunFile.NAME);
        return Files.exists(file) && Files.size(file) == head.fileSize() ? head.line() : null;
    }

    synchronized void put(RunKey run, Path directory, LedgerLine line) throws IOException {
        heads.put(run, new Head(line, Files.size(directory.resolve(RunFile.NAME))));
    }

    synchronized void forget(RunKey run) {
        heads.remove(run);
    }
}
