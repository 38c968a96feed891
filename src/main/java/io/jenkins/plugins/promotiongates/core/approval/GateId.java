package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.PortableName;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import java.util.regex.Pattern;

/**
 * The id of a gate within its run. It is a path segment of the gate's URL, so it is limited to
 * characters that need no escaping in a URL.
 */
public final class GateId {

    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private GateId() {}

    /**
     * The gate id a step uses: {@code id} when given, otherwise the environment's name (which the
     * policy already restricts to the same characters).
     *
     * @throws InvalidPolicyException naming the id, the reason and the characters allowed
     */
    public static String of(String id, String environment) {
        String candidate = id == null || id.isBlank() ? environment : id.trim();
        if (candidate == null || !URL_SAFE.matcher(candidate).matches()) {
            throw new InvalidPolicyException(
                    "id",
                    QuotedInput.of(candidate) + " is not a valid gate id; use 1 to 64 letters, digits, '.', '_' or '-',"
                            + " starting with a letter or digit, for example id: 'deploy-production'");
        }
        PortableName.problem(candidate).ifPresent(reason -> {
            throw new InvalidPolicyException(
                    "id",
                    "'" + candidate + "' cannot be used as a gate id, which also names files: " + reason
                            + "; choose another, for example id: 'deploy-production'");
        });
        return candidate;
    }
}
