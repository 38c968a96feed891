package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The comma-separated list of Ant-style patterns that {@code files:} and {@code archived:} take, such as
 * {@code dist/*.tar.gz, dist/sbom.json}: each pattern is relative to the workspace (or to the run's
 * archived artifacts) and stays inside it, so it is refused when absolute, when it has a {@code ..}
 * segment, and when it uses {@code \} (patterns are written with {@code /} on every agent).
 */
public final class FilePatterns {

    /** The most patterns one parameter may list. */
    public static final int MAX_PATTERNS = 64;

    private FilePatterns() {}

    /**
     * The patterns {@code text} lists, in the order given, each trimmed; one pattern given twice is kept once.
     *
     * @param parameter the step parameter, such as {@code files}, for messages
     * @throws IllegalArgumentException naming the parameter, the pattern, the reason and the remedy
     */
    public static List<String> parse(String parameter, String text) {
        String example = " Write patterns relative to the " + where(parameter) + ", separated by commas, such as "
                + parameter + ": 'dist/*.tar.gz, dist/sbom.json'.";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(parameter + ": is empty." + example);
        }
        List<String> patterns = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String pattern = part.trim();
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException(
                        parameter + ": " + QuotedInput.of(text) + " has an empty pattern between two commas or at"
                                + " an end; remove the extra comma." + example);
            }
            String problem = problem(pattern);
            if (problem != null) {
                throw new IllegalArgumentException(parameter + ": the pattern " + QuotedInput.of(pattern) + " "
                        + problem + ", and a pattern must stay inside the " + where(parameter) + "." + example);
            }
            if (!patterns.contains(pattern)) {
                patterns.add(pattern);
            }
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException(
                    parameter + ": lists " + patterns.size() + " patterns; at most " + MAX_PATTERNS
                            + " are allowed. Use wildcards, such as 'dist/*', or pack the files into an archive.");
        }
        return List.copyOf(patterns);
    }

    /** Why {@code pattern} is refused, or {@code null}. */
    private static String problem(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (Character.isISOControl(pattern.charAt(i))) {
                return "contains a control character";
            }
        }
        if (pattern.indexOf('\\') >= 0) {
            return "uses '\\' (write '/' between directories, on every agent)";
        }
        if (pattern.startsWith("/") || pattern.length() > 1 && pattern.charAt(1) == ':') {
            return "is absolute";
        }
        for (String segment : pattern.split("/")) {
            if (segment.equals("..")) {
                return "has a '..' segment";
            }
        }
        return null;
    }

    private static String where(String parameter) {
        return parameter.equals("archived") ? "run's archived artifacts" : "workspace";
    }
}
