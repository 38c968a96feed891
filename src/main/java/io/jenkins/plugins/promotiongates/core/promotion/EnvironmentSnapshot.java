package io.jenkins.plugins.promotiongates.core.promotion;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the promoting run's environment looked like: the variables the administrator allowlisted
 * and the tool versions, never a secret. A variable bound from a credential, or whose value contains
 * a known secret value, is kept with the value {@value #MASKED}, so that its presence still shows.
 *
 * @param variables allowlisted variables, sorted by name
 * @param tools tool versions, such as {@code java -> 17.0.15}, sorted by name
 */
public record EnvironmentSnapshot(Map<String, String> variables, Map<String, String> tools) {

    public static final String MASKED = "****";

    /** Secret values shorter than this are not searched for: masking every "1" would hide everything. */
    static final int MIN_SECRET_LENGTH = 3;

    public static final EnvironmentSnapshot EMPTY = new EnvironmentSnapshot(Map.of(), Map.of());

    public EnvironmentSnapshot {
        variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        tools = Collections.unmodifiableMap(new TreeMap<>(tools));
    }

    /**
     * @param variables the run's environment variables
     * @param tools tool names and versions the glue determined
     * @param allowlist variable names to keep; {@code NAME*} keeps every name starting with {@code NAME}
     * @param secretNames variables bound from credentials: kept masked if allowlisted
     * @param secretValues values of credentials bound in the run, if the glue has them: any value
     *     containing one is masked (they are only compared, never stored)
     */
    public static EnvironmentSnapshot capture(
            Map<String, String> variables,
            Map<String, String> tools,
            List<String> allowlist,
            Set<String> secretNames,
            Collection<String> secretValues) {
        Map<String, String> kept = new TreeMap<>();
        variables.forEach((name, value) -> {
            if (allowed(name, allowlist)) {
                kept.put(name, secretNames.contains(name) ? MASKED : mask(value, secretValues));
            }
        });
        Map<String, String> versions = new TreeMap<>();
        tools.forEach((name, version) -> versions.put(name, mask(version, secretValues)));
        return new EnvironmentSnapshot(kept, versions);
    }

    /** Variables and tools in one map, {@code variables.NAME} and {@code tools.NAME}, for drift. */
    public Map<String, String> flattened() {
        Map<String, String> flat = new TreeMap<>();
        variables.forEach((name, value) -> flat.put("variables." + name, value));
        tools.forEach((name, value) -> flat.put("tools." + name, value));
        return flat;
    }

    private static boolean allowed(String name, List<String> allowlist) {
        for (String entry : allowlist) {
            if (entry.endsWith("*") ? name.startsWith(entry.substring(0, entry.length() - 1)) : name.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private static String mask(String value, Collection<String> secretValues) {
        if (value == null) {
            return "";
        }
        for (String secret : secretValues) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH && value.contains(secret)) {
                return MASKED;
            }
        }
        return value;
    }
}
