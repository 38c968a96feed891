package io.jenkins.plugins.promotiongates.gates;

import io.jenkins.plugins.promotiongates.core.approval.Refusal;

/** The HTTP status that answers a refused decision. */
final class RefusalStatus {

    private RefusalStatus() {}

    /** 403 when the person may not decide, 400 when the request lacks something, 409 when the gate moved on. */
    static int of(Refusal refusal) {
        return switch (refusal.category()) {
            case FORBIDDEN -> 403;
            case INVALID -> 400;
            case CONFLICT -> 409;
        };
    }
}
