package io.jenkins.plugins.promotiongates.ledger;

import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One promotion as the Promotions page and its {@code api/json} show it. */
@ExportedBean(defaultVisibility = 3)
public final class PromotionRow {

    private final PromotionRecord record;

    public PromotionRow(PromotionRecord record) {
        this.record = record;
    }

    @Exported
    public String getEnvironment() {
        return record.environment();
    }

    @Exported
    public String getFrom() {
        return record.from();
    }

    @Exported
    public String getApplication() {
        return record.application();
    }

    /** The release's file names, comma-separated. */
    public String getFiles() {
        return record.release().fileNames();
    }

    /** The release's files, by name. */
    @Exported(name = "files", inline = true)
    public List<ReleaseFileRow> getReleaseFiles() {
        return record.release().files().stream().map(ReleaseFileRow::new).toList();
    }

    @Exported
    public String getVersion() {
        return record.version();
    }

    /** The release digest, {@code sha256:<hex>}. */
    @Exported
    public String getDigest() {
        return record.digest().toString();
    }

    /** The promoting run, {@code job#number}. */
    @Exported
    public String getRun() {
        return record.run();
    }

    /** The promoting run's URL relative to the Jenkins root. */
    @Exported
    public String getRunUrl() {
        return record.runUrl();
    }

    /** When, as pages show times: to the second. */
    public String getTime() {
        return DisplayTime.of(record.time());
    }

    /** When the promotion completed, ISO-8601 UTC with its full precision. */
    @Exported(name = "time")
    public String getCompletedAt() {
        return record.time().toString();
    }

    @Exported
    public String getLocation() {
        return record.location();
    }

    @Exported
    public boolean isRollback() {
        return record.rollback();
    }

    /** The promoting job's full name: the run id without {@code #number}. */
    public static String job(PromotionRecord record) {
        int hash = record.run().lastIndexOf('#');
        return hash < 0 ? record.run() : record.run().substring(0, hash);
    }
}
