package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A weekly change window such as {@code MON-FRI 09:00-17:00}, read in the environment's time
 * zone. The window opens on each listed day at {@code start} (wall-clock time) and closes at
 * {@code end}; when {@code end} is not after {@code start} it closes on the following day
 * ({@code FRI 22:00-02:00} runs into Saturday), and {@code start == end} means 24 hours.
 *
 * @param days days on which the window opens
 * @param start opening wall-clock time, inclusive
 * @param end closing wall-clock time, exclusive
 */
public record WeeklyWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) implements Serializable {

    public WeeklyWindow {
        days = days == null || days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /**
     * Reads a window as an administrator writes it.
     *
     * @param field the setting being read, named in errors
     * @param days {@code MON-FRI}, {@code SAT,SUN}, {@code FRI-MON}, or full names
     * @param start {@code HH:mm}
     * @param end {@code HH:mm}
     */
    public static WeeklyWindow parse(String field, String days, String start, String end) {
        return new WeeklyWindow(
                parseDays(field + ".days", days), time(field + ".start", start), time(field + ".end", end));
    }

    /** Whether the window is open at the wall-clock time {@code local}. */
    public boolean isOpenAt(ZonedDateTime local) {
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        if (start.isBefore(end)) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
        return (days.contains(day) && !time.isBefore(start)) || (days.contains(day.minus(1)) && time.isBefore(end));
    }

    /** As written in policy: {@code MON,TUE,WED 09:00-17:00}. */
    @Override
    public String toString() {
        return days.stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(",")) + " " + start + "-"
                + end;
    }

    private static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidPolicyException(
                    field, "'" + text + "' is not a time of day; write it as HH:mm, like 09:00");
        }
    }

    private static Set<DayOfWeek> parseDays(String field, String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : (text == null ? "" : text).split(",")) {
            String[] range = part.trim().split("-", -1);
            if (range.length > 2 || range[0].isBlank()) {
                throw new InvalidPolicyException(
                        field, "'" + text + "' is not a list of days; write it like MON-FRI or SAT,SUN");
            }
            DayOfWeek first = day(field, range[0]);
            DayOfWeek last = range.length == 2 ? day(field, range[1]) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String field, String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (upper.length() >= 3 && d.name().startsWith(upper)) {
                return d;
            }
        }
        throw new InvalidPolicyException(
                field, "'" + text.trim() + "' is not a day; use MON, TUE, WED, THU, FRI, SAT or SUN");
    }
}
