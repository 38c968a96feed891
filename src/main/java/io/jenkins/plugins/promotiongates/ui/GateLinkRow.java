package io.jenkins.plugins.promotiongates.ui;

import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import io.jenkins.plugins.promotiongates.core.view.WaitingGate;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A gate waiting to promote into an environment, as the environment view links it. */
@ExportedBean(defaultVisibility = 3)
public final class GateLinkRow {

    private final WaitingGate gate;

    GateLinkRow(WaitingGate gate) {
        this.gate = gate;
    }

    /** The gate's page, relative to the Jenkins root. */
    @Exported
    public String getUrl() {
        return gate.url();
    }

    /** Since when it waits, as pages show times: to the second. */
    public String getSince() {
        return DisplayTime.of(gate.openedAt());
    }

    /** When it opened, ISO-8601 UTC with its full precision, for {@code api/json}. */
    @Exported(name = "openedAt")
    public String getOpenedAt() {
        return gate.openedAt().toString();
    }
}
