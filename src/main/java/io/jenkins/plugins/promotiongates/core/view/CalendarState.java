package io.jenkins.plugins.promotiongates.core.view;

import io.jenkins.plugins.promotiongates.core.policy.ChangeCalendar;
import io.jenkins.plugins.promotiongates.core.policy.Freeze;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether promotions may enter an environment now, from its change windows and freezes, and until when.
 *
 * @param kind open or closed, and why
 * @param until when that changes: the next closing while open, the next opening while closed; empty when
 *     nothing changes it within 400 days
 * @param reason the freeze's reason while frozen, else empty
 */
public record CalendarState(Kind kind, Optional<Instant> until, String reason) {

    /** Open or closed, and why. */
    public enum Kind {
        /** No change windows and no freeze ahead: promotions may enter at any time. */
        ALWAYS_OPEN,
        /** Inside a change window and outside every freeze. */
        OPEN,
        /** Outside every change window. */
        OUTSIDE_WINDOWS,
        /** A freeze is in force. */
        FROZEN;

        /** Whether a promotion may enter now. */
        public boolean isOpen() {
            return this == ALWAYS_OPEN || this == OPEN;
        }
    }

    public CalendarState {
        reason = reason == null ? "" : reason;
    }

    /** The state of {@code calendar} at {@code now}. */
    public static CalendarState of(ChangeCalendar calendar, Instant now) {
        if (calendar.isOpen(now)) {
            Optional<Instant> closing = calendar.nextClosing(now);
            boolean unrestricted = calendar.windows().isEmpty() && closing.isEmpty();
            return new CalendarState(unrestricted ? Kind.ALWAYS_OPEN : Kind.OPEN, closing, "");
        }
        Optional<Freeze> freeze = calendar.freezes().stream()
                .filter(candidate -> candidate.covers(now))
                .findFirst();
        return new CalendarState(
                freeze.isPresent() ? Kind.FROZEN : Kind.OUTSIDE_WINDOWS,
                calendar.nextOpening(now),
                freeze.map(Freeze::reason).orElse(""));
    }
}
