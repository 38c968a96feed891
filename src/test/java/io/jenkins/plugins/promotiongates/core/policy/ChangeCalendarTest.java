package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ChangeCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static ChangeCalendar calendar(ZoneId zone, String days, String start, String end, Freeze... freezes) {
        return new ChangeCalendar(
                zone, List.of(WeeklyWindow.parse("changeWindows[0]", days, start, end)), List.of(freezes));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    public void officeHoursFollowTheWallClockAcrossSeasons() {
        ChangeCalendar office = calendar(PARIS, "MON-FRI", "09:00", "17:00");
        // Winter, CET = UTC+1: 09:00 local is 08:00Z.
        assertFalse(office.isOpen(at("2025-01-06T07:59:59Z")));
        assertTrue(office.isOpen(at("2025-01-06T08:00:00Z")));
        assertTrue(office.isOpen(at("2025-01-06T15:59:59Z")));
        assertFalse(office.isOpen(at("2025-01-06T16:00:00Z")));
        // Summer, CEST = UTC+2: 09:00 local is 07:00Z.
        assertFalse(office.isOpen(at("2025-07-07T06:59:59Z")));
        assertTrue(office.isOpen(at("2025-07-07T07:00:00Z")));
        assertFalse(office.isOpen(at("2025-07-07T15:00:00Z")));
        // Saturday is not listed.
        assertFalse(office.isOpen(at("2025-07-05T10:00:00Z")));
    }

    @Test
    public void springForwardShortensTheWindowInRealTime() {
        // 2025-03-30 in Paris: 02:00 CET jumps to 03:00 CEST (01:00Z). 01:00-04:00 local is 00:00Z-02:00Z.
        ChangeCalendar night = calendar(PARIS, "SUN", "01:00", "04:00");
        assertFalse(night.isOpen(at("2025-03-29T23:59:59Z")));
        assertTrue(night.isOpen(at("2025-03-30T00:00:00Z")));
        assertTrue(night.isOpen(at("2025-03-30T01:30:00Z")));
        assertFalse(night.isOpen(at("2025-03-30T02:00:00Z")));
    }

    @Test
    public void aWindowStartingInTheSkippedHourOpensAtTheJump() {
        // 02:30 does not exist on 2025-03-30 in Paris; the first instant at or after it is 03:00 CEST = 01:00Z.
        ChangeCalendar skipped = calendar(PARIS, "SUN", "02:30", "05:00");
        assertFalse(skipped.isOpen(at("2025-03-30T00:59:59Z")));
        assertTrue(skipped.isOpen(at("2025-03-30T01:00:00Z")));
        assertEquals(Optional.of(at("2025-03-30T01:00:00Z")), skipped.nextOpening(at("2025-03-29T12:00:00Z")));
    }

    @Test
    public void fallBackRepeatsTheWindowsHour() {
        // 2025-10-26 in Paris: 03:00 CEST falls back to 02:00 CET (01:00Z); 02:00-03:00 local happens twice.
        ChangeCalendar repeated = calendar(PARIS, "SUN", "02:00", "03:00");
        assertFalse(repeated.isOpen(at("2025-10-25T23:59:59Z")));
        assertTrue(repeated.isOpen(at("2025-10-26T00:30:00Z")));
        assertTrue(repeated.isOpen(at("2025-10-26T01:30:00Z")));
        assertFalse(repeated.isOpen(at("2025-10-26T02:00:00Z")));
        assertEquals(Optional.of(at("2025-10-26T00:00:00Z")), repeated.nextOpening(at("2025-10-25T12:00:00Z")));
    }

    @Test
    public void windowEndingBeforeItStartsRunsPastMidnight() {
        ChangeCalendar lateFriday = calendar(ZoneOffset.UTC, "FRI", "22:00", "02:00");
        assertFalse(lateFriday.isOpen(at("2025-06-06T21:59:59Z")));
        assertTrue(lateFriday.isOpen(at("2025-06-06T22:00:00Z")));
        assertTrue(lateFriday.isOpen(at("2025-06-07T01:59:59Z")));
        assertFalse(lateFriday.isOpen(at("2025-06-07T02:00:00Z")));
        assertFalse(lateFriday.isOpen(at("2025-06-07T22:30:00Z")));
        assertFalse(lateFriday.isOpen(at("2025-06-06T01:00:00Z")));
    }

    @Test
    public void equalStartAndEndMeansTheWholeDay() {
        ChangeCalendar saturday = calendar(ZoneOffset.UTC, "SAT", "00:00", "00:00");
        assertTrue(saturday.isOpen(at("2025-06-07T00:00:00Z")));
        assertTrue(saturday.isOpen(at("2025-06-07T23:59:59Z")));
        assertFalse(saturday.isOpen(at("2025-06-08T00:00:00Z")));
        assertFalse(saturday.isOpen(at("2025-06-06T23:59:59Z")));
    }

    @Test
    public void freezeOverridesWindowsAndNamesTheNextOpening() {
        Freeze yearEnd = new Freeze(at("2025-12-20T00:00:00Z"), at("2026-01-05T00:00:00Z"), "year-end");
        ChangeCalendar office = calendar(ZoneOffset.UTC, "MON-FRI", "09:00", "17:00", yearEnd);
        Verdict frozen = office.check(at("2025-12-22T10:00:00Z"));
        assertFalse(frozen.passed());
        assertThat(
                frozen.message(),
                containsString("freezes: the freeze 'year-end' is in force until Mon 2026-01-05 00:00"));
        assertThat(frozen.message(), containsString("the next opening is Mon 2026-01-05 09:00"));
        assertTrue(office.isOpen(at("2026-01-05T09:00:00Z")));
        assertFalse(office.isOpen(at("2025-12-19T23:59:59Z")));
        assertTrue(office.isOpen(at("2025-12-19T16:59:59Z")));
    }

    @Test
    public void freezeEndIsTheNextOpeningWhenItFallsInsideAWindow() {
        Freeze morning = new Freeze(at("2025-06-02T09:00:00Z"), at("2025-06-02T11:15:00Z"), "");
        ChangeCalendar office = calendar(ZoneOffset.UTC, "MON-FRI", "09:00", "17:00", morning);
        assertEquals(Optional.of(at("2025-06-02T11:15:00Z")), office.nextOpening(at("2025-06-02T10:00:00Z")));
        assertThat(office.check(at("2025-06-02T10:00:00Z")).message(), containsString("freezes: a freeze is in force"));
    }

    @Test
    public void outsideEveryWindowSaysWhichAndWhenNext() {
        ChangeCalendar office = calendar(PARIS, "MON-FRI", "09:00", "17:00");
        Verdict weekend = office.check(at("2025-07-05T10:00:00Z"));
        assertFalse(weekend.passed());
        assertThat(
                weekend.message(),
                containsString("changeWindows: Sat 2025-07-05 12:00 +02:00 [Europe/Paris] is outside"));
        assertThat(weekend.message(), containsString("[MON,TUE,WED,THU,FRI 09:00-17:00]"));
        assertThat(weekend.message(), containsString("the next opening is Mon 2025-07-07 09:00 +02:00"));
        assertTrue(office.check(at("2025-07-07T08:00:00Z")).passed());
    }

    @Test
    public void noWindowsMeansAnyTimeOutsideFreezes() {
        ChangeCalendar always = new ChangeCalendar(ZoneOffset.UTC, List.of(), List.of());
        assertTrue(always.isOpen(at("2025-07-05T03:00:00Z")));
        assertThat(always.check(at("2025-07-05T03:00:00Z")).message(), containsString("no change windows"));
        Freeze forever = new Freeze(at("2025-01-01T00:00:00Z"), at("2030-01-01T00:00:00Z"), "migration");
        ChangeCalendar frozen = new ChangeCalendar(ZoneOffset.UTC, List.of(), List.of(forever));
        assertEquals(Optional.empty(), frozen.nextOpening(at("2025-07-05T03:00:00Z")));
        assertThat(
                frozen.check(at("2025-07-05T03:00:00Z")).message(), containsString("no opening in the next 400 days"));
    }

    @Test
    public void parsesDayListsRangesAndWrapAround() {
        assertEquals(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                WeeklyWindow.parse("w", "MON-FRI", "09:00", "17:00").days());
        assertEquals(
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                WeeklyWindow.parse("w", "sat, sun", "09:00", "17:00").days());
        assertEquals(
                EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                WeeklyWindow.parse("w", "FRI-MON", "09:00", "17:00").days());
        assertEquals(
                EnumSet.of(DayOfWeek.TUESDAY),
                WeeklyWindow.parse("w", "Tuesday", "09:00", "17:00").days());
    }

    @Test
    public void malformedWindowsNameTheField() {
        assertField("changeWindows[2].days", () -> WeeklyWindow.parse("changeWindows[2]", "XYZ", "09:00", "17:00"));
        assertField(
                "changeWindows[2].days", () -> WeeklyWindow.parse("changeWindows[2]", "MON-TUE-WED", "09:00", "17:00"));
        assertField("changeWindows[2].days", () -> WeeklyWindow.parse("changeWindows[2]", "", "09:00", "17:00"));
        assertField("changeWindows[2].start", () -> WeeklyWindow.parse("changeWindows[2]", "MON", "25:00", "17:00"));
        assertField("changeWindows[2].end", () -> WeeklyWindow.parse("changeWindows[2]", "MON", "09:00", "5pm"));
    }

    private static void assertField(String field, org.junit.function.ThrowingRunnable parse) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, parse);
        assertEquals(field, e.problems().get(0).field());
    }
}
