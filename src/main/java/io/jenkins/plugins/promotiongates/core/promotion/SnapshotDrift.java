package io.jenkins.plugins.promotiongates.core.promotion;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an environment snapshot differs from the one recorded with the previous promotion to the same
 * environment. Keys are {@code variables.NAME} and {@code tools.NAME}.
 *
 * @param baseline {@code true} when there was no previous promotion to compare with
 * @param added entries the previous snapshot lacked, with their new values
 * @param removed entries this snapshot lacks, with their old values
 * @param changed entries whose value changed: {@code [before, after]}
 */
public record SnapshotDrift(
        boolean baseline, Map<String, String> added, Map<String, String> removed, Map<String, Change> changed) {

    /** One changed value. */
    public record Change(String before, String after) {}

    public SnapshotDrift {
        added = Collections.unmodifiableMap(new TreeMap<>(added));
        removed = Collections.unmodifiableMap(new TreeMap<>(removed));
        changed = Collections.unmodifiableMap(new TreeMap<>(changed));
    }

    /** The first promotion to an environment: nothing to compare with. */
    public static final SnapshotDrift BASELINE = new SnapshotDrift(true, Map.of(), Map.of(), Map.of());

    /** @param previous the snapshot of the previous promotion to the same environment, or {@code null} */
    public static SnapshotDrift between(EnvironmentSnapshot previous, EnvironmentSnapshot current) {
        if (previous == null) {
            return BASELINE;
        }
        Map<String, String> before = previous.flattened();
        Map<String, String> after = current.flattened();
        Map<String, String> added = new TreeMap<>();
        Map<String, String> removed = new TreeMap<>();
        Map<String, Change> changed = new TreeMap<>();
        after.forEach((key, value) -> {
            String old = before.get(key);
            if (old == null) {
                added.put(key, value);
            } else if (!old.equals(value)) {
                changed.put(key, new Change(old, value));
            }
        });
        before.forEach((key, value) -> {
            if (!after.containsKey(key)) {
                removed.put(key, value);
            }
        });
        return new SnapshotDrift(false, added, removed, changed);
    }

    /** Whether anything differs from the previous promotion. */
    public boolean drifted() {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }
}
