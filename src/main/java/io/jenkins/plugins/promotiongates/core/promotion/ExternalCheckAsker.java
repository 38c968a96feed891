package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckAnswer;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckSettings;

/**
 * Calls an external check's endpoint on the controller, with the credential its settings name: the glue
 * resolves the credential and uses {@link io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckClient}.
 */
@FunctionalInterface
public interface ExternalCheckAsker {

    /**
     * POSTs {@code body} to the check's endpoint. Never throws: a call that cannot be made, or a credential
     * that cannot be found, is an {@link ExternalCheckAnswer#unanswered} answer naming why.
     */
    ExternalCheckAnswer ask(ExternalCheckSettings settings, byte[] body);
}
