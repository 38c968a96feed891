package io.jenkins.plugins.promotiongates.gates;

import hudson.model.Api;
import hudson.model.RootAction;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A page listing waiting gates, as {@link PendingApprovals} and {@link WaitingGates} do, with one table
 * ({@code rows.jelly}) for both: application, version, environment, requester, waiting since, deadline.
 */
@ExportedBean
public abstract class WaitingGateList implements RootAction {

    /** The gates this page lists, soonest deadline first. */
    @Exported(inline = true)
    public abstract List<GatePage> getGates();

    /** As {@link #getGates}, as the page's table shows them. */
    public List<WaitingGateRow> getRows() {
        return getGates().stream().map(WaitingGateRow::new).toList();
    }

    public Api getApi() {
        return new Api(this);
    }
}
