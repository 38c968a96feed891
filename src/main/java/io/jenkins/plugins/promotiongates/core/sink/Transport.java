package io.jenkins.plugins.promotiongates.core.sink;

import java.util.List;

/** Sends batches of messages to one receiver. */
interface Transport {

    /** Where messages go, for pages and messages (never with a secret), such as {@code syslog+tls://logs:6514}. */
    String destination();

    /** The most messages sent in one batch. */
    int maxBatchMessages();

    /** The most bytes sent in one batch (a longer single message is sent alone). */
    long maxBatchBytes();

    /**
     * Sends {@code messages}, in order; returns once the receiver has them.
     *
     * @throws DeliveryException if that is not certain: the batch is sent again
     */
    void deliver(List<SinkMessage> messages) throws DeliveryException;

    /** Ends a delivery in progress (from another thread), so that its sender can stop. */
    void abort();
}
