package io.jenkins.plugins.promotiongates.ledger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.promotiongates.core.audit.LedgerStatus;
import io.jenkins.plugins.promotiongates.core.audit.LedgerVerification;
import io.jenkins.plugins.promotiongates.core.sink.SinkStatus;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * Manage Jenkins → Security → Promotion audit ledger: size, last checkpoint, the controller's
 * public key (to give auditors), "verify now", and the backlog of the copies sent outside the controller.
 */
@Extension
public final class AuditLedgerLink extends ManagementLink {

    private transient volatile LedgerVerification lastVerification;

    @Override
    public String getIconFileName() {
        return "symbol-lock-closed";
    }

    @Override
    public String getDisplayName() {
        return Messages.AuditLedgerLink_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.AuditLedgerLink_Description();
    }

    @Override
    public String getUrlName() {
        return "promotion-audit-ledger";
    }

    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.SECURITY;
    }

    /** The ledger's status; opening the ledger if it is not open yet. */
    public LedgerStatus getStatus() throws IOException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AuditLedger.get().service().status();
    }

    /**
     * The copies outside the controller: each sink's queued messages, oldest queued time, last delivery
     * and last error.
     */
    public List<SinkStatus> getSinks() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return AuditSinks.get().statuses();
    }

    /** The result of the last "verify now", or {@code null}. */
    public @CheckForNull LedgerVerification getLastVerification() {
        return lastVerification;
    }

    /** Verifies every segment, line, link, run chain and checkpoint signature of the ledger. */
    @RequirePOST
    public HttpResponse doVerify() throws IOException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        lastVerification = AuditLedger.get().service().verifyLedger();
        return HttpResponses.redirectToDot();
    }
}
