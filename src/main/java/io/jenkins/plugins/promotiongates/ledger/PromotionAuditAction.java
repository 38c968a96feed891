package io.jenkins.plugins.promotiongates.ledger;

import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.audit.AuditFileNames;
import io.jenkins.plugins.promotiongates.core.audit.Timeline;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.GET;

/**
 * The run's "Promotion audit" page: the timeline of its verifications, approvals and promotions
 * with every event's hash and the chain's integrity, a JSON export and the audit bundle. The
 * events live in the run's own chain file, not in build.xml; this action holds nothing but the run.
 */
@ExportedBean
public final class PromotionAuditAction implements RunAction2 {

    private transient Run<?, ?> run;

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-fingerprint";
    }

    @Override
    public String getDisplayName() {
        return Messages.PromotionAuditAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "promotion-audit";
    }

    /** The timeline, read from the run's chain file (a few kilobytes) and checked link by link. */
    public Timeline getTimeline() throws IOException {
        run.checkPermission(Item.READ);
        return Timeline.of(RunAudit.chain(run));
    }

    @Exported(name = "events")
    public List<Map<String, Object>> getEvents() throws IOException {
        return getTimeline().asMaps();
    }

    @Exported
    public boolean isIntact() throws IOException {
        return getTimeline().intact();
    }

    /**
     * Where the run's chain file (this page's copy) disagrees with the controller's ledger, which the
     * gates decide from: one line per event of the copy that the ledger does not confirm; empty when
     * the copy is exact.
     */
    @Exported
    public List<String> getLedgerDisagreements() throws IOException {
        run.checkPermission(Item.READ);
        return RunAudit.ledgerEvents(run).report();
    }

    /** {@code promotion-audit/api/json}: the exported events and integrity (Stapler serves {@code api} only through this getter). */
    public Api getApi() {
        run.checkPermission(Item.READ);
        return new Api(this);
    }

    /** {@code promotion-audit/json}: the run's events as recorded, one canonical JSON array (a read-only download). */
    @GET
    public void doJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        run.checkPermission(Item.READ);
        send(rsp, Timeline.exportJson(RunAudit.chain(run)), "events");
    }

    /** {@code promotion-audit/bundle}: the audit bundle to verify offline (docs/auditing.md; a read-only download). */
    @GET
    public void doBundle(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        run.checkPermission(Item.READ);
        send(rsp, RunAudit.bundle(run), "bundle");
    }

    private void send(StaplerResponse2 rsp, byte[] json, String kind) throws IOException {
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + AuditFileNames.of(run.getParent().getFullName(), run.getNumber(), kind)
                        + "\"");
        try (ServletOutputStream out = rsp.getOutputStream()) {
            out.write(json);
        }
    }
}
