package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.time.Duration;

/**
 * How often and how patiently a request is retried after a server error (5xx) or a network failure
 * (timeout, refused connection): {@code attempts} in all, waiting {@code firstBackoff}, then twice as
 * long each time, at most {@code maxBackoff}. Client errors (4xx) are never retried.
 *
 * @param attempts total attempts, 1 to 10
 * @param firstBackoff the wait after the first failure
 * @param maxBackoff the longest wait
 * @param requestTimeout how long one request may take before it counts as failed
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff, Duration requestTimeout) {

    /** 4 attempts, waiting 1s, 2s, 4s; 10 minutes per request (large artifacts over slow links). */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));

    public RetryPolicy {
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts " + attempts + " is out of range; use 1 to 10");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
