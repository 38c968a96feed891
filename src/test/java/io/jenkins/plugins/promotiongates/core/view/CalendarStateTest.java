package io.jenkins.plugins.promotiongates.core.view;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.policy.ChangeCalendar;
import io.jenkins.plugins.promotiongates.core.policy.Freeze;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** The environment view's "open until" and "closed until", from the change calendar. */
public class CalendarStateTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private static CalendarState state(Freeze... freezes) {
        return CalendarState.of(new ChangeCalendar(ZoneOffset.UTC, List.of(), List.of(freezes)), NOW);
    }

    @Test
    public void noWindowsAndNoFreezeAheadIsAlwaysOpen() {
        CalendarState state = state(new Freeze(NOW.minusSeconds(7200), NOW.minusSeconds(3600), "past"));
        assertEquals(CalendarState.Kind.ALWAYS_OPEN, state.kind());
        assertTrue(state.kind().isOpen());
        assertEquals(Optional.empty(), state.until());
    }

    @Test
    public void aFreezeAheadMakesItOpenUntilTheFreezeStarts() {
        Instant start = NOW.plusSeconds(86_400);
        CalendarState state = state(new Freeze(start, start.plusSeconds(3600), "release"));
        assertEquals(CalendarState.Kind.OPEN, state.kind());
        assertEquals(Optional.of(start), state.until());
    }

    @Test
    public void aFreezeEndingBeyondTheLookAheadSaysFrozenWithoutUntilWhen() {
        CalendarState state = state(new Freeze(NOW.minusSeconds(60), Instant.parse("2100-01-01T00:00:00Z"), "forever"));
        assertEquals(CalendarState.Kind.FROZEN, state.kind());
        assertFalse(state.kind().isOpen());
        assertEquals(Optional.empty(), state.until());
        assertEquals("forever", state.reason());
    }
}
