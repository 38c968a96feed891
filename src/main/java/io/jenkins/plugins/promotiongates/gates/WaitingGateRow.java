package io.jenkins.plugins.promotiongates.gates;

import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.core.time.Countdown;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.time.Clock;
import java.time.Instant;

/** One waiting gate as the pending lists show it: what, where, who asked, since when, until when. */
public final class WaitingGateRow {

    private final GatePage page;
    private final Instant now;

    WaitingGateRow(GatePage page) {
        this(page, Clock.systemUTC());
    }

    /** @param clock the clock the countdowns are read at */
    WaitingGateRow(GatePage page, Clock clock) {
        this.page = page;
        this.now = clock.instant();
    }

    public GatePage getGate() {
        return page;
    }

    /** The application the approvals are bound to; empty when the gate is bound to no known release. */
    public String getApplication() {
        ApprovalSubject subject = page.subject();
        return subject == null ? "" : subject.application();
    }

    /** The version; empty for a single file or no known release. */
    public String getVersion() {
        ApprovalSubject subject = page.subject();
        return subject == null ? "" : subject.version();
    }

    /** Who started the run (or a run upstream of it); empty when no user did. */
    public String getRequester() {
        return String.join(", ", page.snapshot().parties().starters());
    }

    /** When the gate opened, to the second. */
    public String getWaitingSince() {
        return DisplayTime.of(page.snapshot().openedAt());
    }

    /** How long it has waited: {@code 2 h 5 min ago}. */
    public String getWaitingFor() {
        return Countdown.ago(now, page.snapshot().openedAt());
    }

    /** When it times out, to the second. */
    public String getDeadline() {
        GateSnapshot gate = page.snapshot();
        return DisplayTime.of(gate.deadline());
    }

    /** The deadline from now: {@code closes in 3 h 12 min}. */
    public String getCountdown() {
        return Countdown.closesIn(now, page.snapshot().deadline());
    }

    /** Whether the current user may decide and, if not, why (the engine's words). */
    public String getYourTurn() {
        return page.getYourTurn();
    }
}
