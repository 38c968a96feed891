package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.JsonFormatException;

/**
 * Audit data that cannot be accepted: a ledger line, run file, checkpoint or bundle that is not in
 * the documented format. The message names the input (file and byte offset, or field), the reason
 * and what would fix it. A document that is not even JSON is refused with the parent type,
 * {@link JsonFormatException}, which is what callers catch.
 */
public final class AuditFormatException extends JsonFormatException {

    private static final long serialVersionUID = 1L;

    public AuditFormatException(String input, String reason, String remedy) {
        super(input, reason, remedy);
    }
}
