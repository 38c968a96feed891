package io.jenkins.plugins.promotiongates.ui;

import io.jenkins.plugins.promotiongates.core.promotion.ApplicationHoldings;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One application on the Promotions page: what each environment holds of it now. */
@ExportedBean(defaultVisibility = 2)
public final class ApplicationRow {

    private final ApplicationHoldings holdings;

    ApplicationRow(ApplicationHoldings holdings) {
        this.holdings = holdings;
    }

    @Exported
    public String getName() {
        return holdings.application();
    }

    /** The environments that hold a release of it, in the policy's order. */
    @Exported(inline = true)
    public List<HoldingRow> getEnvironments() {
        return holdings.environments().stream().map(HoldingRow::new).toList();
    }
}
