package io.jenkins.plugins.promotiongates.core.notify;

import java.util.Locale;

/** The points of a gate's life that are announced. */
public enum GateEvent {
    /** The gate opened and waits for decisions. */
    OPENED,
    /** Someone approved, rejected or broke the glass; the gate may still wait. */
    DECIDED,
    /** The gate still waits and its deadline is near. */
    REMINDER,
    /** The gate closed: approved, rejected, broken glass, timed out or cancelled. */
    CLOSED;

    /** The name in webhook bodies and audit details: {@code gate.opened}, {@code gate.reminder}... */
    public String wireName() {
        return "gate." + name().toLowerCase(Locale.ROOT);
    }
}
