package io.jenkins.plugins.promotiongates.ui;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.RootAction;
import io.jenkins.plugins.promotiongates.audit.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.core.promotion.Inventory;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * {@code /promotions/}: what is in each environment now, the recent promotions, and a link to the gates
 * waiting for a decision. Shows only promotions made by jobs the current user may read.
 */
@Extension
public final class PromotionsPage implements RootAction {

    static final int RECENT = 25;

    @Override
    public String getIconFileName() {
        return "symbol-play";
    }

    @Override
    public String getDisplayName() {
        return Messages.PromotionsPage_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "promotions";
    }

    /** Each defined environment's current artifact, or {@code null} when none (or none readable). */
    public List<EnvironmentRow> getEnvironments() throws IOException {
        Inventory inventory = EnvironmentInventory.get().current();
        List<EnvironmentRow> rows = new ArrayList<>();
        for (EnvironmentConfig environment : PromotionGatesConfiguration.get().getEnvironments()) {
            for (PromotionRecord record :
                    inventory.holdings(environment.getName()).values()) {
                PromotionRow current = new PromotionRow(record);
                if (readable(current)) {
                    rows.add(new EnvironmentRow(environment.getName(), current));
                }
            }
        }
        return rows;
    }

    /** The latest promotions, newest first. */
    public List<PromotionRow> getRecent() throws IOException {
        List<PromotionRecord> records =
                new ArrayList<>(EnvironmentInventory.get().current().records());
        records.sort(Comparator.comparing(PromotionRecord::time).reversed());
        List<PromotionRow> rows = new ArrayList<>();
        for (PromotionRecord record : records) {
            PromotionRow row = new PromotionRow(record);
            if (rows.size() < RECENT && readable(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Whether the current user may read the promoting job ({@code getItemByFullName} checks READ). */
    private static boolean readable(PromotionRow row) {
        return Jenkins.get().getItemByFullName(row.job(), Job.class) != null;
    }

    /** An environment and what it holds now. */
    public static final class EnvironmentRow {
        private final String name;
        private final PromotionRow current;

        EnvironmentRow(String name, PromotionRow current) {
            this.name = name;
            this.current = current;
        }

        public String getName() {
            return name;
        }

        public PromotionRow getCurrent() {
            return current;
        }
    }
}
