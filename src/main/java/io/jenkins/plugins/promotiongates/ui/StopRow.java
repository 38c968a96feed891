package io.jenkins.plugins.promotiongates.ui;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.promotiongates.core.policy.DurationText;
import io.jenkins.plugins.promotiongates.core.promotion.ApplicationHoldings;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import io.jenkins.plugins.promotiongates.core.view.CalendarState;
import io.jenkins.plugins.promotiongates.core.view.LaneStop;
import io.jenkins.plugins.promotiongates.core.view.SoakCountdown;
import io.jenkins.plugins.promotiongates.ledger.PromotionRow;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One environment on an application's lane, in words and CSS classes for the page, as values for {@code api/json}. */
@ExportedBean(defaultVisibility = 3)
public final class StopRow {

    private static final int SHORT_DIGEST = "sha256:".length() + 12;

    private final LaneStop stop;

    StopRow(LaneStop stop) {
        this.stop = stop;
    }

    @Exported
    public String getEnvironment() {
        return stop.environment();
    }

    /** Whether the policy still defines the environment. */
    @Exported
    public boolean isDefined() {
        return stop.defined();
    }

    /** The environments it is promoted from, comma-separated; empty for an entry point. */
    @Exported
    public String getPromotedFrom() {
        return String.join(", ", stop.promotedFrom());
    }

    /** The promotion of the release it holds of the application, or {@code null} when nothing the viewer may read. */
    @Exported(inline = true)
    public @CheckForNull PromotionRow getRelease() {
        return stop.holding()
                .map(holding -> new PromotionRow(holding.current()))
                .orElse(null);
    }

    /** Since when it holds that release, as pages show times; empty when it holds nothing. */
    public String getSince() {
        return stop.holding().map(holding -> DisplayTime.of(holding.since())).orElse("");
    }

    /** Since when, ISO-8601 UTC with its full precision, for {@code api/json}; empty when it holds nothing. */
    @Exported(name = "since")
    public String getHeldSince() {
        return stop.holding().map(holding -> holding.since().toString()).orElse("");
    }

    /** The release digest cut to 12 hex digits, for reading at a glance; empty when it holds nothing. */
    public String getShortDigest() {
        return stop.holding()
                .map(ApplicationHoldings.Holding::current)
                .map(current -> current.digest().toString())
                .map(digest -> digest.length() > SHORT_DIGEST ? digest.substring(0, SHORT_DIGEST) + "…" : digest)
                .orElse("");
    }

    /** The gates waiting to promote the application into it, oldest first. */
    @Exported(inline = true)
    public List<GateLinkRow> getWaiting() {
        return stop.waiting().stream().map(GateLinkRow::new).toList();
    }

    /** How many gates wait, for {@code api/json} and the badge. */
    @Exported
    public int getWaitingCount() {
        return stop.waiting().size();
    }

    /**
     * The change calendar now: {@code always-open}, {@code open}, {@code outside-windows} or
     * {@code frozen}; {@code undefined} for an environment the policy no longer defines. Also the CSS class.
     */
    @Exported
    public String getCalendarState() {
        CalendarState calendar = stop.calendar();
        return calendar == null
                ? "undefined"
                : calendar.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether promotions may enter now. */
    @Exported
    public boolean isOpen() {
        return stop.calendar() != null && stop.calendar().kind().isOpen();
    }

    /** Until when the calendar state lasts, ISO-8601 UTC; empty when nothing changes it ahead. */
    @Exported(name = "calendarUntil")
    public String getCalendarUntil() {
        CalendarState calendar = stop.calendar();
        return calendar == null ? "" : calendar.until().map(Object::toString).orElse("");
    }

    /** The calendar state in words, with until when. */
    public String getCalendarText() {
        CalendarState calendar = stop.calendar();
        if (calendar == null) {
            return Messages.StopRow_Undefined();
        }
        String until = calendar.until().map(DisplayTime::of).orElse("");
        return switch (calendar.kind()) {
            case ALWAYS_OPEN -> Messages.StopRow_AlwaysOpen();
            case OPEN -> until.isEmpty() ? Messages.StopRow_Open() : Messages.StopRow_OpenUntil(until);
            case OUTSIDE_WINDOWS ->
                until.isEmpty() ? Messages.StopRow_OutsideWindows() : Messages.StopRow_OutsideWindowsUntil(until);
            case FROZEN -> frozen(calendar.reason(), until);
        };
    }

    private static String frozen(String reason, String until) {
        String text = until.isEmpty() ? Messages.StopRow_Frozen() : Messages.StopRow_FrozenUntil(until);
        return reason.isEmpty() ? text : text + " (" + reason + ")";
    }

    /** Per next environment with a soak time: how long before the release held here may move on, in words. */
    public List<String> getSoaks() {
        return stop.soaks().stream().map(StopRow::soak).toList();
    }

    /** The soak countdowns as values: target, readyAt (ISO-8601 UTC), remainingSeconds. */
    @Exported(name = "soaks", inline = true)
    public List<SoakRow> getSoakCountdowns() {
        return stop.soaks().stream().map(SoakRow::new).toList();
    }

    private static String soak(SoakCountdown countdown) {
        return countdown.soaked()
                ? Messages.StopRow_Soaked(countdown.target())
                : Messages.StopRow_Soaking(
                        countdown.target(),
                        DurationText.format(countdown.remaining()),
                        DisplayTime.of(countdown.readyAt()));
    }
}
