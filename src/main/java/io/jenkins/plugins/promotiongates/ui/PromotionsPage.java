package io.jenkins.plugins.promotiongates.ui;

import hudson.Extension;
import hudson.model.Api;
import hudson.model.Job;
import hudson.model.RootAction;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.promotion.ApplicationHoldings;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import io.jenkins.plugins.promotiongates.core.view.EnvironmentMap;
import io.jenkins.plugins.promotiongates.gates.LaneGates;
import io.jenkins.plugins.promotiongates.ledger.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.ledger.PromotionRow;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * {@code /promotions/}: for each application, its environment view ({@link #getLanes()}) and what each
 * environment holds now (in the policy's order),
 * since when, its history and where a rollback would go; the recent promotions; a link to the gates
 * waiting for a decision. {@code /promotions/api/json} exports the same. Shows only promotions made by
 * jobs the current user may read.
 */
@Extension
@ExportedBean
public final class PromotionsPage implements RootAction {

    static final int RECENT = 25;
    static final int HISTORY = 25;

    private final Clock clock = Clock.systemUTC();

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

    /** {@code /promotions/api/json}: the applications and the recent promotions the current user may read. */
    public Api getApi() {
        return new Api(this);
    }

    /** Each application with a release in an environment, by name, as the engine summarizes it for this user. */
    @Exported(inline = true)
    public List<ApplicationRow> getApplications() throws IOException {
        return holdings().stream().map(ApplicationRow::new).toList();
    }

    /**
     * The environment view: each application this user may see (a release they may read, or a gate waiting
     * in a job they may read), its environments in promotion order with the release in each, the gates
     * waiting, the change calendar now and the soak countdowns, as the engine lays it out.
     */
    @Exported(inline = true)
    public List<LaneRow> getLanes() throws IOException {
        List<ApplicationHoldings> holdings = holdings();
        Map<String, ApplicationHoldings> byName = new HashMap<>();
        holdings.forEach(application -> byName.put(application.application(), application));
        EnvironmentMap map = EnvironmentMap.of(policy(), holdings, LaneGates.waiting(), clock.instant());
        return map.lanes().stream()
                .map(lane -> new LaneRow(
                        lane,
                        byName.containsKey(lane.application())
                                ? new ApplicationRow(byName.get(lane.application()))
                                : null))
                .toList();
    }

    /**
     * The saved policy; an empty one if what was loaded from disk no longer validates (the environments
     * are then drawn as no longer defined, and the configuration page names the problem).
     */
    private static PromotionPolicy policy() {
        try {
            return PromotionGatesConfiguration.get().policy();
        } catch (InvalidPolicyException e) {
            return new PromotionPolicy(List.of());
        }
    }

    private List<ApplicationHoldings> holdings() throws IOException {
        List<String> order = PromotionGatesConfiguration.get().getEnvironments().stream()
                .map(EnvironmentConfig::getName)
                .toList();
        return ApplicationHoldings.of(EnvironmentInventory.get().current(), order, readable(), HISTORY);
    }

    /** The latest promotions, newest first. */
    @Exported(inline = true)
    public List<PromotionRow> getRecent() throws IOException {
        List<PromotionRecord> records =
                new ArrayList<>(EnvironmentInventory.get().current().records());
        records.sort(Comparator.comparing(PromotionRecord::time).reversed());
        Predicate<PromotionRecord> readable = readable();
        List<PromotionRow> rows = new ArrayList<>();
        for (PromotionRecord record : records) {
            if (rows.size() < RECENT && readable.test(record)) {
                rows.add(new PromotionRow(record));
            }
        }
        return rows;
    }

    /**
     * Whether the current user may read a record's promoting job ({@code getItemByFullName} checks READ),
     * asked once per job.
     */
    private static Predicate<PromotionRecord> readable() {
        Map<String, Boolean> jobs = new HashMap<>();
        return record -> jobs.computeIfAbsent(
                PromotionRow.job(record), job -> Jenkins.get().getItemByFullName(job, Job.class) != null);
    }
}
