package io.jenkins.plugins.promotiongates.core.signature;

import java.util.regex.Pattern;

/**
 * The rule for trusted-key names, which Jenkinsfiles and environment policies refer to: 1 to 64
 * letters, digits, dots, dashes and underscores, starting with a letter or digit.
 */
public final class TrustedKeyName {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private TrustedKeyName() {}

    /** Why {@code name} is not a valid trusted-key name, or {@code null} if it is. */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "A trusted key needs a name, such as 'release-team'.";
        }
        if (!VALID.matcher(name).matches()) {
            return "Trusted key name '" + name + "' is not valid: use 1 to 64 letters, digits, '.', '-' or '_',"
                    + " starting with a letter or digit.";
        }
        return null;
    }
}
