package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.time.Instant;

/**
 * A period in which no promotion may enter an environment, whatever its change windows say.
 *
 * @param from first instant of the freeze, inclusive
 * @param to end of the freeze, exclusive
 * @param reason shown in the refusal, such as "year-end freeze"
 */
public record Freeze(Instant from, Instant to, String reason) implements Serializable {

    public Freeze {
        reason = reason == null ? "" : reason.trim();
    }

    /** Whether {@code instant} falls inside the freeze. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
