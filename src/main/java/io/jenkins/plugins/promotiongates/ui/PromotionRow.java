package io.jenkins.plugins.promotiongates.ui;

import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;

/** One promotion as the Promotions page shows it. */
public final class PromotionRow {

    private final PromotionRecord record;

    PromotionRow(PromotionRecord record) {
        this.record = record;
    }

    public String getEnvironment() {
        return record.environment();
    }

    public String getFrom() {
        return record.from();
    }

    public String getApplication() {
        return record.application();
    }

    /** The release's file names, comma-separated. */
    public String getFiles() {
        return record.release().fileNames();
    }

    public String getVersion() {
        return record.version();
    }

    public String getDigest() {
        return record.digest().toString();
    }

    public String getRun() {
        return record.run();
    }

    /** The promoting run's URL relative to the Jenkins root. */
    public String getRunUrl() {
        return record.runUrl();
    }

    /** When, as pages show times: to the second. */
    public String getTime() {
        return DisplayTime.of(record.time());
    }

    public String getLocation() {
        return record.location();
    }

    public boolean isRollback() {
        return record.rollback();
    }

    /** The promoting job's full name: the run id without {@code #number}. */
    String job() {
        int hash = record.run().lastIndexOf('#');
        return hash < 0 ? record.run() : record.run().substring(0, hash);
    }
}
