package io.jenkins.plugins.promotiongates.core.sink;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before the next attempt after {@code n} failures in a row: exponential ({@code first},
 * doubling, at most {@code max}) with jitter (a random point in the upper half), so that many
 * controllers whose receiver comes back do not all retry at the same instant. Sinks and webhooks
 * ({@code core.notify}) retry with it.
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration first, Duration max, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failures} (1 or more) failures in a row. */
    public Duration after(int failures) {
        long ceiling = first.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        ceiling = Math.min(ceiling < 0 ? Long.MAX_VALUE : ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }
}
