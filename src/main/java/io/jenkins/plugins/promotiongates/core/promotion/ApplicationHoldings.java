package io.jenkins.plugins.promotiongates.core.promotion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One application as the Promotions page shows it: what each environment holds of it now, in the policy's
 * order of environments, with since when, the environment's recent history and where a rollback would
 * go. Built for one viewer: a record the viewer may not read (its promoting job is hidden from them) is
 * never shown, and an environment whose current release they may not read is left out altogether.
 *
 * @param application the application's name
 * @param environments the environments that hold a release of it the viewer may read
 */
public record ApplicationHoldings(String application, List<Holding> environments) {

    /**
     * What one environment holds of the application.
     *
     * @param environment the environment
     * @param current the latest promotion of the application there: its release now
     * @param since when that release became what the environment holds (the first of its latest run of
     *     promotions there)
     * @param rollbackTarget the release held before, different from the current one, if the viewer may read it
     * @param history the promotions there, newest first, at most the limit asked for, readable ones only
     */
    public record Holding(
            String environment,
            PromotionRecord current,
            Instant since,
            Optional<PromotionRecord> rollbackTarget,
            List<PromotionRecord> history) {

        public Holding {
            history = List.copyOf(history);
        }
    }

    public ApplicationHoldings {
        environments = List.copyOf(environments);
    }

    /**
     * Every application of {@code inventory} with at least one environment the viewer may read, by name.
     *
     * @param environmentOrder the policy's environments in their order; environments the inventory knows
     *     but the policy no longer defines follow, by name
     * @param readable whether the viewer may read a record
     * @param historyLimit the most promotions to list per environment
     */
    public static List<ApplicationHoldings> of(
            Inventory inventory, List<String> environmentOrder, Predicate<PromotionRecord> readable, int historyLimit) {
        List<ApplicationHoldings> applications = new ArrayList<>();
        for (String application : inventory.applications()) {
            Set<String> order = new LinkedHashSet<>(environmentOrder);
            order.addAll(inventory.current(application).keySet());
            List<Holding> holdings = new ArrayList<>();
            for (String environment : order) {
                holding(inventory, application, environment, readable, historyLimit)
                        .ifPresent(holdings::add);
            }
            if (!holdings.isEmpty()) {
                applications.add(new ApplicationHoldings(application, holdings));
            }
        }
        return applications;
    }

    private static Optional<Holding> holding(
            Inventory inventory,
            String application,
            String environment,
            Predicate<PromotionRecord> readable,
            int historyLimit) {
        Optional<PromotionRecord> current = inventory.current(application, environment);
        if (current.isEmpty() || !readable.test(current.get())) {
            return Optional.empty();
        }
        List<PromotionRecord> all = inventory.history(application, environment);
        List<PromotionRecord> history = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && history.size() < historyLimit; i--) {
            if (readable.test(all.get(i))) {
                history.add(all.get(i));
            }
        }
        Instant since = inventory
                .currentSince(application, environment, current.get().digest())
                .orElse(current.get().time());
        return Optional.of(new Holding(
                environment,
                current.get(),
                since,
                inventory.rollbackTarget(application, environment).filter(readable),
                history));
    }
}
