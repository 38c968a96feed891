package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is in each environment now, and what was before, derived from promotion records alone: the
 * latest record of an environment names its current artifact. Rebuilding from the same records (for
 * example after a controller restart, from the audit ledger's {@code promotion.completed} events)
 * always gives the same inventory. Immutable.
 */
public final class Inventory {

    private static final Comparator<PromotionRecord> BY_TIME = Comparator.comparing(PromotionRecord::time);

    private final Map<String, List<PromotionRecord>> histories;

    private Inventory(Map<String, List<PromotionRecord>> histories) {
        this.histories = histories;
    }

    /** An inventory with nothing in any environment. */
    public static Inventory empty() {
        return new Inventory(Map.of());
    }

    /** The inventory of {@code records}, in any order; records with equal times keep their given order. */
    public static Inventory of(Collection<PromotionRecord> records) {
        List<PromotionRecord> sorted = new ArrayList<>(records);
        sorted.sort(BY_TIME);
        Map<String, List<PromotionRecord>> histories = new TreeMap<>();
        for (PromotionRecord record : sorted) {
            histories
                    .computeIfAbsent(record.environment(), e -> new ArrayList<>())
                    .add(record);
        }
        histories.replaceAll((environment, history) -> List.copyOf(history));
        return new Inventory(histories);
    }

    /** This inventory with one more record. */
    public Inventory with(PromotionRecord record) {
        List<PromotionRecord> all = new ArrayList<>(records());
        all.add(record);
        return of(all);
    }

    /** Every record, oldest first per environment, environments by name. */
    public List<PromotionRecord> records() {
        List<PromotionRecord> all = new ArrayList<>();
        histories.values().forEach(all::addAll);
        return all;
    }

    /** The latest promotion to each environment that has one, by environment name. */
    public Map<String, PromotionRecord> current() {
        Map<String, PromotionRecord> current = new LinkedHashMap<>();
        histories.forEach((environment, history) -> current.put(environment, history.get(history.size() - 1)));
        return current;
    }

    /** The latest promotion to {@code environment}: its current artifact. */
    public Optional<PromotionRecord> current(String environment) {
        List<PromotionRecord> history = history(environment);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** Every promotion to {@code environment}, oldest first. */
    public List<PromotionRecord> history(String environment) {
        return histories.getOrDefault(environment, List.of());
    }

    /** Whether {@code digest} is the current artifact of {@code environment}. */
    public boolean holdsNow(String environment, ArtifactDigest digest) {
        return current(environment).filter(r -> r.digest().matches(digest)).isPresent();
    }

    /** Whether {@code environment} held {@code digest} at some point before its current artifact. */
    public boolean heldBefore(String environment, ArtifactDigest digest) {
        List<PromotionRecord> history = history(environment);
        for (int i = 0; i < history.size() - 1; i++) {
            if (history.get(i).digest().matches(digest)) {
                return true;
            }
        }
        return false;
    }

    /**
     * When {@code digest} became the current artifact of {@code environment}, if it is: the time of the
     * first of the latest unbroken run of promotions of that digest there.
     */
    public Optional<Instant> currentSince(String environment, ArtifactDigest digest) {
        if (!holdsNow(environment, digest)) {
            return Optional.empty();
        }
        List<PromotionRecord> history = history(environment);
        int first = history.size() - 1;
        while (first > 0 && history.get(first - 1).digest().matches(digest)) {
            first--;
        }
        return Optional.of(history.get(first).time());
    }

    /** The latest promotion of {@code coordinates} (name and version) to {@code environment}. */
    public Optional<PromotionRecord> version(String environment, ArtifactCoordinates coordinates) {
        List<PromotionRecord> history = history(environment);
        for (int i = history.size() - 1; i >= 0; i--) {
            PromotionRecord record = history.get(i);
            if (record.artifact().equals(coordinates.name()) && record.version().equals(coordinates.version())) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }
}
