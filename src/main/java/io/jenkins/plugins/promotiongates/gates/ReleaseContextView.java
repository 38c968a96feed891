package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.promotion.ChangeWindow;
import io.jenkins.plugins.promotiongates.core.promotion.Inventory;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import io.jenkins.plugins.promotiongates.ledger.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.ledger.PromotionRow;
import io.jenkins.plugins.promotiongates.runs.ChangeRow;
import io.jenkins.plugins.promotiongates.runs.JobApplication;
import io.jenkins.plugins.promotiongates.runs.JobBranch;
import io.jenkins.plugins.promotiongates.runs.WindowChanges;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Where a gate's release comes from and what it would replace, as its page shows it: the run's branch
 * (from the job, never the build's environment) and starters (from its causes, as the gate recorded
 * them), the changes the environment has not received from this job (the engine's {@link ChangeWindow}
 * over the inventory), and what the environment holds of the application now.
 */
@ExportedBean(defaultVisibility = 3)
public final class ReleaseContextView {

    private final Run<?, ?> run;
    private final GateSnapshot gate;
    private final String application;
    private final Inventory inventory;
    private final ChangeWindow window;
    private final @CheckForNull ApprovalSubject subject;

    ReleaseContextView(Run<?, ?> run, GateSnapshot gate, @CheckForNull ApprovalSubject subject) throws IOException {
        this.run = run;
        this.gate = gate;
        this.subject = subject;
        this.application = application(run, subject);
        this.inventory = EnvironmentInventory.get().current();
        this.window = ChangeWindow.of(
                inventory, application, environment(), run.getParent().getFullName());
    }

    private static String application(Run<?, ?> run, @CheckForNull ApprovalSubject subject) {
        if (subject != null && !subject.application().isEmpty()) {
            return subject.application();
        }
        try {
            return JobApplication.of(run, "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private String environment() {
        return gate.policy().name();
    }

    /** The application whose releases the environment's inventory is searched for. */
    @Exported
    public String getApplication() {
        return application;
    }

    /** The branch the run builds, or {@code null} for a job that is not a branch job. */
    @Exported
    public @CheckForNull String getBranch() {
        return JobBranch.of(run);
    }

    /** Who started the run or a run upstream of it, as the gate recorded them; empty when no user did. */
    @Exported
    public String getStartedBy() {
        return String.join(", ", gate.parties().starters());
    }

    /** The changes the environment has not received from this job: this run's and earlier builds'. */
    @Exported(inline = true)
    public List<ChangeRow> getChanges() {
        return WindowChanges.of(run, window);
    }

    /** Which builds {@link #getChanges} covers, in words. */
    public String getChangesSince() {
        return window.deliveredBuild() > 0
                ? Messages.ReleaseContextView_ChangesSince(
                        String.valueOf(window.deliveredBuild()), application, environment())
                : Messages.ReleaseContextView_ChangesSinceNever(
                        String.valueOf(ChangeWindow.MAX_BUILDS), application, environment());
    }

    /**
     * The release the environment holds of the application now, or {@code null} when it holds none. Not
     * exported: it names the promoting run, which the page shows only if {@link #isReplacesRunReadable}.
     */
    public @CheckForNull PromotionRow getReplaces() {
        return current().map(PromotionRow::new).orElse(null);
    }

    /** The version the environment holds of the application now; empty when it holds none. */
    @Exported
    public String getReplacedVersion() {
        return current().map(PromotionRecord::version).orElse("");
    }

    /** The release digest the environment holds of the application now, {@code sha256:<hex>}; empty when none. */
    @Exported
    public String getReplacedDigest() {
        return current().map(record -> record.digest().toString()).orElse("");
    }

    /** Whether the environment already holds the very release the gate is bound to (promoting it is a no-op). */
    @Exported
    public boolean isSameRelease() {
        return subject != null && inventory.holdsNow(application, environment(), subject.digest());
    }

    /** Since when the environment holds its current release, to the second; empty when it holds none. */
    public String getReplacesSince() {
        return current()
                .flatMap(record -> inventory.currentSince(application, environment(), record.digest()))
                .map(DisplayTime::of)
                .orElse("");
    }

    /**
     * Whether the current user may read the job whose run promoted the release the environment holds now,
     * so the page may name and link that run.
     */
    public boolean isReplacesRunReadable() {
        return current()
                .map(record -> Jenkins.get().getItemByFullName(PromotionRow.job(record), Job.class) != null)
                .orElse(false);
    }

    private Optional<PromotionRecord> current() {
        return application.isEmpty() ? Optional.empty() : inventory.current(application, environment());
    }
}
