package io.jenkins.plugins.promotiongates.core.audit;

import java.io.IOException;

/**
 * Audit data that cannot be accepted: a ledger line, run file, checkpoint or bundle that is not in
 * the documented format. The message names the input (file and byte offset, or field), the reason
 * and what would fix it.
 */
public final class AuditFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public AuditFormatException(String input, String reason, String remedy) {
        super(input + ": " + reason + (remedy.isEmpty() ? "" : ". " + remedy));
    }
}
