package io.jenkins.plugins.promotiongates.core.policy;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** When an open calendar next closes: the environment view's "open until". */
public class ChangeCalendarClosingTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static ChangeCalendar calendar(ZoneId zone, List<WeeklyWindow> windows, Freeze... freezes) {
        return new ChangeCalendar(zone, windows, List.of(freezes));
    }

    private static WeeklyWindow window(String days, String start, String end) {
        return WeeklyWindow.parse("changeWindows[0]", days, start, end);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    public void anOfficeWindowClosesAtItsEndInItsZone() {
        ChangeCalendar office = calendar(PARIS, List.of(window("MON-FRI", "09:00", "17:00")));
        // Monday 2025-01-06 10:00 CET: closes at 17:00 CET = 16:00Z.
        assertEquals(Optional.of(at("2025-01-06T16:00:00Z")), office.nextClosing(at("2025-01-06T09:00:00Z")));
    }

    @Test
    public void aClosedCalendarHasNoClosing() {
        ChangeCalendar office = calendar(PARIS, List.of(window("MON-FRI", "09:00", "17:00")));
        assertEquals(Optional.empty(), office.nextClosing(at("2025-01-04T10:00:00Z"))); // Saturday
    }

    @Test
    public void backToBackWindowsCloseOnlyWhereTheyStop() {
        // Every day 00:00-00:00 (24 hours), but not Sunday: open from Monday until Sunday 00:00.
        ChangeCalendar weekdays = calendar(ZoneOffset.UTC, List.of(window("MON-SAT", "00:00", "00:00")));
        assertEquals(Optional.of(at("2025-01-05T00:00:00Z")), weekdays.nextClosing(at("2025-01-01T12:00:00Z")));
    }

    @Test
    public void aWindowRunningPastMidnightClosesTheNextDay() {
        ChangeCalendar night = calendar(ZoneOffset.UTC, List.of(window("FRI", "22:00", "02:00")));
        assertEquals(Optional.of(at("2025-01-04T02:00:00Z")), night.nextClosing(at("2025-01-03T23:00:00Z")));
    }

    @Test
    public void theNextFreezeClosesAnUnrestrictedCalendar() {
        Freeze yearEnd = new Freeze(at("2025-12-20T00:00:00Z"), at("2026-01-05T00:00:00Z"), "year-end");
        ChangeCalendar always = calendar(ZoneOffset.UTC, List.of(), yearEnd);
        assertEquals(Optional.of(at("2025-12-20T00:00:00Z")), always.nextClosing(at("2025-12-01T00:00:00Z")));
        assertEquals(Optional.empty(), always.nextClosing(at("2026-01-05T00:00:00Z")));
    }

    @Test
    public void aFreezeInsideTheWindowClosesItFirst() {
        Freeze lunch = new Freeze(at("2025-01-06T12:00:00Z"), at("2025-01-06T13:00:00Z"), "");
        ChangeCalendar office = calendar(ZoneOffset.UTC, List.of(window("MON", "09:00", "17:00")), lunch);
        assertEquals(Optional.of(at("2025-01-06T12:00:00Z")), office.nextClosing(at("2025-01-06T10:00:00Z")));
    }
}
