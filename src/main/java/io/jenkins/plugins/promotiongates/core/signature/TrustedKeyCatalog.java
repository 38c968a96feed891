package io.jenkins.plugins.promotiongates.core.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's trusted keys by name, each pointing to the credential that holds its public
 * key material. Resolves the names a Jenkinsfile asks for, refusing names that are not configured:
 * a pipeline can choose among trusted keys, never add one.
 */
public final class TrustedKeyCatalog {

    private final Map<String, String> credentialsIdByName = new LinkedHashMap<>();

    /**
     * @param credentialsIdByName name → credentials id, in the administrator's order
     * @throws IllegalArgumentException if a name is invalid or repeated
     */
    public TrustedKeyCatalog(Map<String, String> credentialsIdByName) {
        credentialsIdByName.forEach((name, id) -> {
            String problem = TrustedKeyName.problem(name);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            this.credentialsIdByName.put(name, id);
        });
    }

    /**
     * The credentials ids for {@code names}, in the given order.
     *
     * @throws IllegalArgumentException naming every unknown name, the configured ones and the remedy
     */
    public List<String> credentialsIdsFor(List<String> names) {
        List<String> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            String id = credentialsIdByName.get(name);
            if (id == null) {
                unknown.add(name);
            } else {
                ids.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Trusted key" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown)
                    + (unknown.size() > 1 ? " are" : " is") + " not configured (configured: "
                    + (credentialsIdByName.isEmpty() ? "none" : quoted(List.copyOf(credentialsIdByName.keySet())))
                    + "). Ask an administrator to add it in Manage Jenkins » Security » Promotion Gates,"
                    + " or pass the key with keyCredentialsId.");
        }
        return ids;
    }

    private static String quoted(List<String> names) {
        return "'" + String.join("', '", names) + "'";
    }
}
