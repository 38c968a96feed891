package io.jenkins.plugins.promotiongates.core.sink;

import java.time.Duration;

/**
 * How patiently sinks deliver.
 *
 * @param firstBackoff the wait after the first failed delivery; it doubles with each failure after it
 * @param maxBackoff the longest wait between attempts
 * @param idlePoll how long an idle sender sleeps before looking again (new messages wake it at once)
 * @param connectTimeout how long connecting to a receiver may take
 * @param ioTimeout how long a receiver may take to read a batch and answer
 * @param linger after a batch that was not full, how long to let messages gather before the next one
 */
public record DeliveryPolicy(
        Duration firstBackoff,
        Duration maxBackoff,
        Duration idlePoll,
        Duration connectTimeout,
        Duration ioTimeout,
        Duration linger) {

    /** 1 s doubling to at most 5 minutes; 10 s to connect, 30 s to answer; batches at most 5 a second. */
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMillis(200));

    public DeliveryPolicy {
        if (firstBackoff.isNegative()
                || maxBackoff.compareTo(firstBackoff) < 0
                || idlePoll.isNegative()
                || linger.isNegative()) {
            throw new IllegalArgumentException("delivery waits must be positive, the longest at least the first");
        }
    }
}
