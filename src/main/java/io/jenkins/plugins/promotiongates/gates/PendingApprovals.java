package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import java.util.List;
import jenkins.management.Badge;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * {@code /promotion-approvals/}, "My approvals": every waiting gate, in every job the current user may
 * read, that the engine says waits for this user ({@code DecisionAbility.awaitsYou}: they may approve or
 * reject now, and have not approved already). Its link carries their count. Reads only the gates in
 * memory; never blocks. {@link WaitingGates} lists every waiting gate instead.
 */
@Extension
@ExportedBean
public final class PendingApprovals extends WaitingGateList {

    static final String URL_NAME = "promotion-approvals";

    @Override
    public String getIconFileName() {
        return "symbol-people";
    }

    @Override
    public String getDisplayName() {
        return Messages.PendingApprovals_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The gates waiting for the current user, soonest deadline first. */
    @Override
    public List<GatePage> getGates() {
        return VisibleGates.awaitingYou();
    }

    /** How many gates wait for the current user, on the link; none when nothing waits. */
    @Override
    public @CheckForNull Badge getBadge() {
        int waiting = getGates().size();
        return waiting == 0
                ? null
                : new Badge(
                        String.valueOf(waiting),
                        Messages.PendingApprovals_Badge(String.valueOf(waiting)),
                        Badge.Severity.WARNING);
    }
}
