package io.jenkins.plugins.promotiongates.core.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When promotions may enter an environment: inside one of its weekly change windows (read in its
 * time zone, so daylight-saving changes move the windows with the wall clock) and outside every
 * freeze. No windows means any time outside freezes.
 *
 * @param zone the time zone the windows are written in
 * @param windows weekly windows; empty means always
 * @param freezes absolute periods without promotions
 */
public record ChangeCalendar(ZoneId zone, List<WeeklyWindow> windows, List<Freeze> freezes) {

    private static final int SEARCH_DAYS = 400;
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx '['VV']'", Locale.ENGLISH);

    public ChangeCalendar {
        windows = List.copyOf(windows);
        freezes = List.copyOf(freezes);
    }

    /** Whether a promotion may happen at {@code instant}. */
    public boolean isOpen(Instant instant) {
        return inWindow(instant) && activeFreeze(instant).isEmpty();
    }

    /** Explains whether {@code instant} is allowed, and if not, when the next opening is. */
    public Verdict check(Instant instant) {
        Optional<Freeze> freeze = activeFreeze(instant);
        if (freeze.isPresent()) {
            return Verdict.fail("freezes: " + describe(freeze.get()) + " is in force until "
                    + show(freeze.get().to()) + nextOpeningText(instant));
        }
        if (!inWindow(instant)) {
            return Verdict.fail("changeWindows: " + show(instant) + " is outside every change window " + windows
                    + nextOpeningText(instant));
        }
        return Verdict.pass(
                windows.isEmpty() ? "no change windows restrict this environment" : "inside a change window");
    }

    /** The first instant at or after {@code from} at which a promotion may happen, if one comes within 400 days. */
    public Optional<Instant> nextOpening(Instant from) {
        if (isOpen(from)) {
            return Optional.of(from);
        }
        TreeSet<Instant> candidates = new TreeSet<>();
        for (Freeze freeze : freezes) {
            candidates.add(freeze.to());
        }
        LocalDate first = from.atZone(zone).toLocalDate();
        for (int offset = 0; offset <= SEARCH_DAYS; offset++) {
            LocalDate date = first.plusDays(offset);
            for (WeeklyWindow window : windows) {
                if (window.days().contains(date.getDayOfWeek())) {
                    candidates.add(opening(date.atTime(window.start())));
                }
            }
        }
        Instant limit = from.plus(Duration.ofDays(SEARCH_DAYS));
        return candidates.tailSet(from, false).stream()
                .filter(candidate -> candidate.isBefore(limit) && isOpen(candidate))
                .findFirst();
    }

    /**
     * The first instant after {@code from}, while promotions may happen at {@code from}, at which they no
     * longer may: the end of the open change window (when the next one does not start right then) or the
     * start of the next freeze. Empty when {@code from} is closed already, or when nothing closes the
     * calendar within 400 days (no windows and no freeze ahead).
     */
    public Optional<Instant> nextClosing(Instant from) {
        if (!isOpen(from)) {
            return Optional.empty();
        }
        TreeSet<Instant> candidates = new TreeSet<>();
        for (Freeze freeze : freezes) {
            candidates.add(freeze.from());
        }
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        for (int offset = 0; offset <= SEARCH_DAYS && !windows.isEmpty(); offset++) {
            LocalDate date = first.plusDays(offset);
            for (WeeklyWindow window : windows) {
                if (window.days().contains(date.getDayOfWeek())) {
                    LocalDate closingDay = window.end().isAfter(window.start()) ? date : date.plusDays(1);
                    candidates.add(opening(closingDay.atTime(window.end())));
                }
            }
        }
        Instant limit = from.plus(Duration.ofDays(SEARCH_DAYS));
        return candidates.tailSet(from, false).stream()
                .filter(candidate -> candidate.isBefore(limit) && !isOpen(candidate))
                .findFirst();
    }

    private boolean inWindow(Instant instant) {
        if (windows.isEmpty()) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        return windows.stream().anyMatch(window -> window.isOpenAt(local));
    }

    private Optional<Freeze> activeFreeze(Instant instant) {
        return freezes.stream().filter(freeze -> freeze.covers(instant)).findFirst();
    }

    /** The first instant whose wall-clock time is at or after {@code local}: a time skipped by DST opens at the jump. */
    private Instant opening(LocalDateTime local) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
    }

    private String nextOpeningText(Instant instant) {
        return nextOpening(instant)
                .map(next -> "; the next opening is " + show(next))
                .orElse("; no opening in the next 400 days: ask an administrator to review changeWindows and freezes");
    }

    private String show(Instant instant) {
        return SHOWN.format(instant.atZone(zone));
    }

    private static String describe(Freeze freeze) {
        return freeze.reason().isEmpty() ? "a freeze" : "the freeze '" + freeze.reason() + "'";
    }
}
