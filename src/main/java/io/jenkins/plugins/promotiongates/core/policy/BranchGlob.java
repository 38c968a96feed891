package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A branch name pattern: {@code *} matches any characters except {@code /}, {@code **} matches any
 * characters including {@code /}, {@code ?} matches one character except {@code /}; everything
 * else matches itself. {@code release/*} matches {@code release/1.0} but not
 * {@code release/1.0/hotfix}; {@code release/**} matches both; neither matches {@code release}.
 *
 * <p>Matching runs on the controller against patterns an administrator wrote and branch names a
 * build chose, so it never backtracks: it walks the branch once, keeping the set of pattern
 * positions reached, in time proportional to branch length times pattern length.
 *
 * @param pattern the pattern as written
 */
public record BranchGlob(String pattern) implements Serializable {

    /** Longer patterns are refused: no branch policy needs one, and matching time grows with it. */
    public static final int MAX_LENGTH = 256;

    public BranchGlob {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidPolicyException(
                    "allowedBranches", "a pattern is blank; write a branch name or a glob such as release/*");
        }
        pattern = pattern.trim();
        if (pattern.length() > MAX_LENGTH) {
            throw new InvalidPolicyException(
                    "allowedBranches",
                    "the pattern '" + pattern.substring(0, 32) + "...' is " + pattern.length()
                            + " characters long; write at most " + MAX_LENGTH + ", such as release/**");
        }
    }

    /** Whether {@code branch} matches the whole pattern. */
    public boolean matches(String branch) {
        if (branch == null) {
            return false;
        }
        int[] tokens = tokens();
        int n = tokens.length;
        boolean[] current = new boolean[n + 1];
        boolean[] next = new boolean[n + 1];
        current[0] = true;
        closeOverStars(tokens, current);
        for (int i = 0; i < branch.length(); i++) {
            char c = branch.charAt(i);
            Arrays.fill(next, false);
            boolean any = false;
            for (int state = 0; state < n; state++) {
                if (!current[state]) {
                    continue;
                }
                int token = tokens[state];
                if (token == STAR_ANY || (token == STAR && c != '/')) {
                    next[state] = true;
                    any = true;
                } else if ((token == ONE && c != '/') || token == c) {
                    next[state + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            closeOverStars(tokens, next);
            boolean[] swap = current;
            current = next;
            next = swap;
        }
        return current[n];
    }

    // Wildcards are negative so that no character of a branch name equals one.
    private static final int STAR = -1;
    private static final int STAR_ANY = -2;
    private static final int ONE = -3;

    /** A star may match nothing: whoever reaches it also reaches the position after it. */
    private static void closeOverStars(int[] tokens, boolean[] states) {
        for (int state = 0; state < tokens.length; state++) {
            if (states[state] && (tokens[state] == STAR || tokens[state] == STAR_ANY)) {
                states[state + 1] = true;
            }
        }
    }

    private int[] tokens() {
        int[] tokens = new int[pattern.length()];
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '?') {
                tokens[n++] = ONE;
            } else if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                tokens[n++] = STAR_ANY;
                i++;
            } else if (c == '*') {
                tokens[n++] = STAR;
            } else {
                tokens[n++] = c;
            }
        }
        return Arrays.copyOf(tokens, n);
    }
}
