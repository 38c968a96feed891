package io.jenkins.plugins.promotiongates.ui;

import io.jenkins.plugins.promotiongates.core.view.SoakCountdown;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One soak countdown of an environment view's stop, for {@code api/json}. */
@ExportedBean(defaultVisibility = 4)
public final class SoakRow {

    private final SoakCountdown countdown;

    SoakRow(SoakCountdown countdown) {
        this.countdown = countdown;
    }

    @Exported
    public String getTarget() {
        return countdown.target();
    }

    @Exported
    public String getReadyAt() {
        return countdown.readyAt().toString();
    }

    @Exported
    public long getRemainingSeconds() {
        return countdown.remaining().toSeconds();
    }
}
