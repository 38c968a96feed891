package io.jenkins.plugins.promotiongates.core.signature.ssh;

import java.util.List;

/**
 * OpenSSH pattern lists (ssh_config(5) PATTERNS): {@code *} and {@code ?} wildcards, and a leading
 * {@code !} that negates: a negated match excludes even when another pattern matches.
 */
final class SshPatterns {

    private SshPatterns() {}

    static boolean matchesList(List<String> patterns, String value) {
        boolean matched = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            if (matches(negated ? pattern.substring(1) : pattern, value)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /** Glob match without recursion: linear backtracking over the last {@code *}. */
    static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int mark = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
