package io.jenkins.plugins.promotiongates.core.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the ledger status page shows.
 *
 * @param root the ledger directory
 * @param size number of entries
 * @param head link hash of the last entry
 * @param segments number of segment files
 * @param bytes total size of the segments
 * @param lastCheckpoint the latest signed checkpoint
 * @param publicKeyPem the controller's public key, PEM
 * @param publicKeyOpenSsh the same key as an OpenSSH line
 * @param publicKeyFingerprint {@code SHA256:...}, as {@code ssh-keygen -l} prints it
 * @param tornTails torn final lines moved aside when the ledger was opened
 * @param problems inconsistencies; while not empty the ledger refuses to append
 */
public record LedgerStatus(
        Path root,
        long size,
        String head,
        int segments,
        long bytes,
        Optional<Checkpoint> lastCheckpoint,
        String publicKeyPem,
        String publicKeyOpenSsh,
        String publicKeyFingerprint,
        List<TornTail> tornTails,
        List<String> problems) {

    public boolean appendable() {
        return problems.isEmpty();
    }

    /**
     * The number of entries as text, for the status page. Views cannot show {@link #size()}: Jelly's
     * expression language (JEXL 1.x) evaluates any {@code x.size()} as a collection size and gives
     * nothing for an object whose {@code size()} is a {@code long}.
     */
    public String entryCount() {
        return Long.toString(size);
    }
}
