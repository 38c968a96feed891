package io.jenkins.plugins.promotiongates.gates;

import hudson.Extension;
import java.util.List;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * {@code /waiting-gates/}: every gate waiting for decisions in every job the current user may read,
 * whoever may decide, each with whether this user may and, if not, why. {@link PendingApprovals} lists
 * only those waiting for this user.
 */
@Extension
@ExportedBean
public final class WaitingGates extends WaitingGateList {

    static final String URL_NAME = "waiting-gates";

    @Override
    public String getIconFileName() {
        return "symbol-hourglass";
    }

    @Override
    public String getDisplayName() {
        return Messages.WaitingGates_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** Every waiting gate the current user may read, soonest deadline first. */
    @Override
    public List<GatePage> getGates() {
        return VisibleGates.all();
    }
}
