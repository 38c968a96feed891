package io.jenkins.plugins.promotiongates.ui;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.promotiongates.core.promotion.ApplicationHoldings;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import io.jenkins.plugins.promotiongates.ledger.PromotionRow;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** What one environment holds of an application now, since when, its history and the rollback target. */
@ExportedBean(defaultVisibility = 2)
public final class HoldingRow {

    private final ApplicationHoldings.Holding holding;

    HoldingRow(ApplicationHoldings.Holding holding) {
        this.holding = holding;
    }

    @Exported
    public String getEnvironment() {
        return holding.environment();
    }

    /** The latest promotion of the application there: its release now. */
    @Exported(inline = true)
    public PromotionRow getCurrent() {
        return new PromotionRow(holding.current());
    }

    /** When the current release became what the environment holds, ISO-8601 UTC. */
    /** Since when, as pages show times: to the second. */
    public String getSince() {
        return DisplayTime.of(holding.since());
    }

    /** Since when, ISO-8601 UTC with its full precision, for {@code api/json}. */
    @Exported(name = "since")
    public String getHeldSince() {
        return holding.since().toString();
    }

    /** The release held before, different from the current one; {@code null} when there is none. */
    @Exported(inline = true)
    public @CheckForNull PromotionRow getRollbackTarget() {
        return holding.rollbackTarget().map(PromotionRow::new).orElse(null);
    }

    /** The promotions there, newest first (the latest few). */
    @Exported(inline = true)
    public List<PromotionRow> getHistory() {
        return holding.history().stream().map(PromotionRow::new).toList();
    }
}
