package io.jenkins.plugins.promotiongates.core.approval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import org.junit.Test;

public class GateStateTest {

    @Test
    public void onlyAWaitingGateMovesAndOnlyToAClosedState() {
        assertEquals(
                EnumSet.of(
                        GateState.APPROVED,
                        GateState.REJECTED,
                        GateState.TIMED_OUT,
                        GateState.CANCELLED,
                        GateState.BROKEN_GLASS),
                GateState.WAITING.next());
        for (GateState state : GateState.values()) {
            assertEquals(state != GateState.WAITING, state.isClosed());
            if (state.isClosed()) {
                assertEquals(EnumSet.noneOf(GateState.class), state.next());
                for (GateState target : GateState.values()) {
                    IllegalStateException e = assertThrows(IllegalStateException.class, () -> state.moveTo(target));
                    assertEquals("An approval gate cannot go from " + state + " to " + target, e.getMessage());
                }
            }
        }
        assertThrows(IllegalStateException.class, () -> GateState.WAITING.moveTo(GateState.WAITING));
        assertEquals(GateState.APPROVED, GateState.WAITING.moveTo(GateState.APPROVED));
    }

    @Test
    public void onlyApprovedAndBrokenGlassLetTheRunThrough() {
        assertTrue(GateState.APPROVED.letsThrough());
        assertTrue(GateState.BROKEN_GLASS.letsThrough());
        for (GateState state :
                EnumSet.of(GateState.WAITING, GateState.REJECTED, GateState.TIMED_OUT, GateState.CANCELLED)) {
            assertFalse(state.letsThrough());
        }
    }
}
