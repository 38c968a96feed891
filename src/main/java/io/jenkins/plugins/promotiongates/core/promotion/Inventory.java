package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import java.nio.charset.StandardCharsets;
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

    private final Map<String, List<PromotionRecord>> histories;

    private Inventory(Map<String, List<PromotionRecord>> histories) {
        this.histories = histories;
    }

    /** An inventory with nothing in any environment. */
    public static Inventory empty() {
        return new Inventory(Map.of());
    }

    /**
     * The inventory of {@code records}, in any order. Records with equal times (two promotions in one
     * clock tick, or an in-memory inventory fed in completion order while the ledger holds them in
     * append order) are ordered by their canonical JSON, so every order of the same records gives the
     * same inventory and the same current artifact.
     *
     * @throws IllegalArgumentException if {@code records} or one of them is missing
     */
    public static Inventory of(Collection<PromotionRecord> records) {
        String missing = "promotion records: the collection or one of its records is missing (null); pass only"
                + " records read from the ledger";
        if (records == null) {
            throw new IllegalArgumentException(missing);
        }
        List<Keyed> sorted = new ArrayList<>(records.size());
        for (PromotionRecord record : records) {
            if (record == null) {
                throw new IllegalArgumentException(missing);
            }
            sorted.add(
                    new Keyed(record, new String(PromotionRecordJson.canonicalBytes(record), StandardCharsets.UTF_8)));
        }
        sorted.sort(Comparator.comparing((Keyed k) -> k.record().time()).thenComparing(Keyed::key));
        Map<String, List<PromotionRecord>> histories = new TreeMap<>();
        for (Keyed keyed : sorted) {
            histories
                    .computeIfAbsent(keyed.record().environment(), e -> new ArrayList<>())
                    .add(keyed.record());
        }
        histories.replaceAll((environment, history) -> List.copyOf(history));
        return new Inventory(histories);
    }

    private record Keyed(PromotionRecord record, String key) {}

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
