package io.jenkins.plugins.promotiongates.core.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The ledger found an inconsistency (other than a torn final line) and refuses to append until an
 * administrator has looked at it: appending after damaged evidence would bury it.
 */
public final class LedgerRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    LedgerRefusedException(Path root, List<String> problems) {
        super("The audit ledger " + root + " refuses new entries: " + String.join("; ", problems)
                + ". Nothing was recorded. An administrator must inspect the ledger (verify-audit, docs/auditing.md),"
                + " keep the damaged files as evidence, and move them aside before Jenkins records again.");
    }
}
