package io.jenkins.plugins.promotiongates.approvals;

import hudson.Extension;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.RootAction;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * {@code /promotion-approvals/}: every waiting gate, in every job the current user may read, that
 * the engine says this user may decide. Reads only the gates in memory; never blocks.
 */
@Extension
@ExportedBean
public final class PendingApprovals implements RootAction {

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

    @Exported(inline = true)
    public List<GatePage> getGates() {
        Approver me = RealmIdentity.current(RealmIdentity.ids());
        List<GatePage> gates = new ArrayList<>();
        for (RequireApprovalsExecution execution : LiveGates.all()) {
            Run<?, ?> run = execution.run();
            ApprovalGate gate = execution.gate();
            if (run != null && gate != null && run.getParent().hasPermission(Item.READ) && gate.canDecide(me)) {
                gates.add(new GatePage(run, gate.snapshot(), execution.message(), execution.subject()));
            }
        }
        return gates;
    }

    public Api getApi() {
        return new Api(this);
    }
}
