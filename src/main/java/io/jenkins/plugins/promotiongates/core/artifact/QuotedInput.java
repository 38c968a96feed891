package io.jenkins.plugins.promotiongates.core.artifact;

/**
 * A refused value as an error message shows it: quoted, with control characters made visible, and a
 * hostile megabyte cut to its start and its length rather than echoed into a build log.
 */
public final class QuotedInput {

    static final int SHOWN = 80;

    private QuotedInput() {}

    /** {@code 'value'}, {@code 'start...' (N characters)} when long, or {@code null} (no value). */
    public static String of(String value) {
        if (value == null) {
            return "null (no value)";
        }
        String start = value.length() <= SHOWN ? value : value.substring(0, SHOWN);
        StringBuilder shown = new StringBuilder("'");
        start.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        shown.append('\'');
        return value.length() <= SHOWN ? shown.toString() : shown + "... (" + value.length() + " characters)";
    }
}
