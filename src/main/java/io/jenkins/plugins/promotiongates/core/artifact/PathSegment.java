package io.jenkins.plugins.promotiongates.core.artifact;

import java.util.regex.Pattern;

/**
 * A value that becomes one path segment in every repository (a file name, a version, a segment of an
 * application name): restricted to characters that are safe in every file system and URL, so it can
 * never escape the repository root.
 */
public final class PathSegment {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    private PathSegment() {}

    /** Whether {@code value} is a safe segment. */
    public static boolean isValid(String value) {
        return value != null
                && SEGMENT.matcher(value).matches()
                && !value.contains("..")
                && PortableName.problem(value).isEmpty();
    }

    /**
     * {@code value}, checked.
     *
     * @param what what the value is, such as {@code artifact file name}
     * @param example an example of a good value, such as {@code such as app.tar.gz}
     * @throws IllegalArgumentException naming the value, why it is refused and what to write instead
     */
    public static String check(String what, String value, String example) {
        if (value == null || !SEGMENT.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("The " + what + " " + QuotedInput.of(value)
                    + " cannot be used in a repository path:"
                    + " it must be 1 to 128 letters, digits, '.', '_', '+' or '-', start with a letter or digit,"
                    + " and contain no '..'. Use a value " + example + ".");
        }
        PortableName.problem(value).ifPresent(reason -> {
            throw new IllegalArgumentException("The " + what + " '" + value + "' cannot be used in a repository path: "
                    + reason + ". Use a value " + example + ".");
        });
        return value;
    }
}
