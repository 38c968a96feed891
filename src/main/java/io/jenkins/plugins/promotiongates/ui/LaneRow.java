package io.jenkins.plugins.promotiongates.ui;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.promotiongates.core.view.LaneStop;
import io.jenkins.plugins.promotiongates.core.view.PromotionLane;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One application's environment view: its environments in promotion order, then those outside the chain. */
@ExportedBean(defaultVisibility = 2)
public final class LaneRow {

    private final PromotionLane lane;
    private final ApplicationRow details;

    LaneRow(PromotionLane lane, @CheckForNull ApplicationRow details) {
        this.lane = lane;
        this.details = details;
    }

    @Exported
    public String getApplication() {
        return lane.application();
    }

    /** The promotion chain, column by column (environments promoted from the same one share a column). */
    @Exported(inline = true)
    public List<ColumnRow> getColumns() {
        return lane.columns().stream().map(ColumnRow::new).toList();
    }

    /** Environments outside the chain: in none, in a cycle, or no longer defined. */
    @Exported(inline = true)
    public List<StopRow> getOutside() {
        return rows(lane.outside());
    }

    /** The environments whose {@code promotedFrom} form a cycle, comma-separated; empty when none do. */
    @Exported
    public String getCycle() {
        return String.join(", ", lane.cycle());
    }

    /** Whether no environment holds a release of it that the viewer may read. */
    @Exported
    public boolean isNeverPromoted() {
        return lane.neverPromoted();
    }

    /** What each environment holds, with history and rollback target; {@code null} when nothing yet. */
    public @CheckForNull ApplicationRow getDetails() {
        return details;
    }

    private static List<StopRow> rows(List<LaneStop> stops) {
        return stops.stream().map(StopRow::new).toList();
    }

    /** One column of the chain. */
    @ExportedBean(defaultVisibility = 3)
    public static final class ColumnRow {

        private final List<LaneStop> stops;

        ColumnRow(List<LaneStop> stops) {
            this.stops = stops;
        }

        @Exported(inline = true)
        public List<StopRow> getStops() {
            return rows(stops);
        }
    }
}
