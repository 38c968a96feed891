package io.jenkins.plugins.promotiongates.core.audit;

import java.util.Optional;

/**
 * The result of verifying a whole ledger directory.
 *
 * @param entries entries read and checked
 * @param segments segment files read
 * @param runs distinct run chains checked
 * @param checkpoints checkpoints whose head and signature were checked
 * @param problem the first broken link and why, if any
 */
public record LedgerVerification(long entries, int segments, int runs, int checkpoints, Optional<String> problem) {

    public boolean verified() {
        return problem.isEmpty();
    }
}
