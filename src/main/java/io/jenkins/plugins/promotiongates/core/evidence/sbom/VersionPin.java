package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a component's version is one exact version, not a range, a wildcard or a moving tag: the
 * forms npm ({@code ^1.2}, {@code ~1.2}, {@code 1.x}, {@code *}), Maven ({@code [1.0,2.0)}, {@code LATEST},
 * {@code -SNAPSHOT}), Gradle ({@code 1.+}) and pip ({@code >=1.2}) use for "not pinned".
 */
final class VersionPin {

    private VersionPin() {}

    /** Why {@code version} is not pinned, or empty when it is one exact version. */
    static Optional<String> problem(String version) {
        if (version == null || version.isBlank()) {
            return Optional.of("has no version");
        }
        String reason = null;
        String lower = version.toLowerCase(Locale.ROOT);
        char first = version.charAt(0);
        if ("^~<>=!".indexOf(first) >= 0) {
            reason = "starts with '" + first + "', a range operator";
        } else if (first == '[' || first == '(' || version.endsWith("]") || version.endsWith(")")) {
            reason = "is a Maven version range";
        } else if (version.contains("||")
                || version.contains(",")
                || version.chars().anyMatch(Character::isWhitespace)) {
            reason = "is a list or range of versions";
        } else if (lower.equals("latest") || lower.equals("release") || lower.equals("next")) {
            reason = "is a moving tag";
        } else if (lower.endsWith("-snapshot")) {
            reason = "is a SNAPSHOT, which changes from build to build";
        } else if (hasWildcardSegment(version)) {
            reason = "has a wildcard (x, *, +) where a number should be";
        }
        return Optional.ofNullable(reason);
    }

    private static boolean hasWildcardSegment(String version) {
        if (version.equals("+") || version.endsWith(".+")) {
            return true;
        }
        for (String segment : version.split("\\.", -1)) {
            if (segment.equals("*") || segment.equalsIgnoreCase("x")) {
                return true;
            }
        }
        return false;
    }
}
