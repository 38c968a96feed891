package io.jenkins.plugins.promotiongates.core.sink;

import java.io.IOException;

/**
 * Where a sink's secret (an HTTP token) comes from: the glue resolves a credential each time a batch is
 * sent, so a rotated credential is used at once. The engine puts the secret in one request header and
 * nowhere else: not in messages, logs, pages or the queue.
 */
@FunctionalInterface
public interface SecretSource {

    /** No secret: no authentication header is sent. */
    SecretSource NONE = () -> null;

    /**
     * The secret, or {@code null} for none.
     *
     * @throws IOException naming the credential and what to fix, never the secret
     */
    String secret() throws IOException;
}
