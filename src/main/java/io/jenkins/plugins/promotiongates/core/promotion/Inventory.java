package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.release.Release;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each environment holds now of each application, and what it held before, derived from promotion
 * records alone: the latest record of an application in an environment names its current release.
 * Rebuilding from the same records (for example after a controller restart, from the audit ledger's
 * promotion events) always gives the same inventory. Immutable.
 */
public final class Inventory {

    /** Records of equal time are ordered by their canonical JSON, computed only for such ties. */
    private static final Comparator<PromotionRecord> ORDER = Comparator.comparing(PromotionRecord::time)
            .thenComparing((a, b) ->
                    Arrays.compare(PromotionRecordJson.canonicalBytes(a), PromotionRecordJson.canonicalBytes(b)));

    /** application -> environment -> history, oldest first; both maps sorted by name. */
    private final Map<String, Map<String, List<PromotionRecord>>> histories;

    private Inventory(Map<String, Map<String, List<PromotionRecord>>> histories) {
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
     * same inventory.
     *
     * @throws IllegalArgumentException if {@code records} or one of them is missing
     */
    public static Inventory of(Collection<PromotionRecord> records) {
        String missing = "promotion records: the collection or one of its records is missing (null); pass only"
                + " records read from the ledger";
        if (records == null) {
            throw new IllegalArgumentException(missing);
        }
        Map<String, Map<String, List<PromotionRecord>>> histories = new TreeMap<>();
        for (PromotionRecord record : records) {
            if (record == null) {
                throw new IllegalArgumentException(missing);
            }
            histories
                    .computeIfAbsent(record.application(), a -> new TreeMap<>())
                    .computeIfAbsent(record.environment(), e -> new ArrayList<>())
                    .add(record);
        }
        histories
                .values()
                .forEach(environments -> environments.replaceAll((environment, history) -> {
                    history.sort(ORDER);
                    return Collections.unmodifiableList(history);
                }));
        return new Inventory(histories);
    }

    /** This inventory with one more record; only that record's history is copied. */
    public Inventory with(PromotionRecord record) {
        Map<String, Map<String, List<PromotionRecord>>> copy = new TreeMap<>(histories);
        Map<String, List<PromotionRecord>> environments =
                new TreeMap<>(copy.getOrDefault(record.application(), Map.of()));
        List<PromotionRecord> history = new ArrayList<>(environments.getOrDefault(record.environment(), List.of()));
        int at = Collections.binarySearch(history, record, ORDER);
        history.add(at < 0 ? -at - 1 : at, record);
        environments.put(record.environment(), Collections.unmodifiableList(history));
        copy.put(record.application(), environments);
        return new Inventory(copy);
    }

    /** Every record: applications by name, then environments by name, each oldest first. */
    public List<PromotionRecord> records() {
        List<PromotionRecord> all = new ArrayList<>();
        histories.values().forEach(environments -> environments.values().forEach(all::addAll));
        return all;
    }

    /** Every application with at least one promotion, by name. */
    public List<String> applications() {
        return List.copyOf(histories.keySet());
    }

    /** What each environment holds now of {@code application}, by environment name. */
    public Map<String, PromotionRecord> current(String application) {
        Map<String, PromotionRecord> current = new LinkedHashMap<>();
        histories
                .getOrDefault(application, Map.of())
                .forEach((environment, history) -> current.put(environment, history.get(history.size() - 1)));
        return current;
    }

    /** What {@code environment} holds now of each application: "what is in production now", by application name. */
    public Map<String, PromotionRecord> holdings(String environment) {
        Map<String, PromotionRecord> holdings = new LinkedHashMap<>();
        histories.forEach((application, environments) -> {
            List<PromotionRecord> history = environments.get(environment);
            if (history != null) {
                holdings.put(application, history.get(history.size() - 1));
            }
        });
        return holdings;
    }

    /** The latest promotion of {@code application} to {@code environment}: its current release there. */
    public Optional<PromotionRecord> current(String application, String environment) {
        List<PromotionRecord> history = history(application, environment);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** Every promotion of {@code application} to {@code environment}, oldest first. */
    public List<PromotionRecord> history(String application, String environment) {
        return histories.getOrDefault(application, Map.of()).getOrDefault(environment, List.of());
    }

    /** Whether the release {@code digest} of {@code application} is what {@code environment} holds now. */
    public boolean holdsNow(String application, String environment, ArtifactDigest digest) {
        return current(application, environment)
                .filter(r -> r.digest().matches(digest))
                .isPresent();
    }

    /** Whether {@code environment} held the release {@code digest} of {@code application} before its current one. */
    public boolean heldBefore(String application, String environment, ArtifactDigest digest) {
        List<PromotionRecord> history = history(application, environment);
        for (int i = 0; i < history.size() - 1; i++) {
            if (history.get(i).digest().matches(digest)) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the release {@code digest} became what {@code environment} holds of {@code application}, if it
     * is: the time of the first of the latest unbroken run of promotions of that release there.
     */
    public Optional<Instant> currentSince(String application, String environment, ArtifactDigest digest) {
        if (!holdsNow(application, environment, digest)) {
            return Optional.empty();
        }
        List<PromotionRecord> history = history(application, environment);
        int first = history.size() - 1;
        while (first > 0 && history.get(first - 1).digest().matches(digest)) {
            first--;
        }
        return Optional.of(history.get(first).time());
    }

    /** The latest promotion of {@code version} of {@code application} to {@code environment}. */
    public Optional<PromotionRecord> version(String application, String environment, String version) {
        List<PromotionRecord> history = history(application, environment);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).version().equals(version)) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The release {@code environment} held of {@code application} before its current one, different from
     * it: where a rollback would go.
     */
    public Optional<PromotionRecord> rollbackTarget(String application, String environment) {
        List<PromotionRecord> history = history(application, environment);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        ArtifactDigest now = history.get(history.size() - 1).digest();
        for (int i = history.size() - 2; i >= 0; i--) {
            if (!history.get(i).digest().matches(now)) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The release whose digest is {@code digest}, if it was promoted to any environment: what a release
     * digest given as is (to {@code requireApprovals digest:}) stands for.
     */
    public Optional<Release> release(ArtifactDigest digest) {
        if (digest == null) {
            return Optional.empty();
        }
        for (Map<String, List<PromotionRecord>> environments : histories.values()) {
            for (List<PromotionRecord> history : environments.values()) {
                for (PromotionRecord record : history) {
                    if (record.digest().matches(digest)) {
                        return Optional.of(record.release());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** How many records this inventory holds. */
    public int size() {
        int size = 0;
        for (Map<String, List<PromotionRecord>> environments : histories.values()) {
            for (List<PromotionRecord> history : environments.values()) {
                size += history.size();
            }
        }
        return size;
    }
}
