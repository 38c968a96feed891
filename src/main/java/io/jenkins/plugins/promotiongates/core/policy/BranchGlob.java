package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A branch name pattern: {@code *} matches any characters except {@code /}, {@code **} matches any
 * characters including {@code /}, {@code ?} matches one character except {@code /}; everything
 * else matches itself. {@code release/*} matches {@code release/1.0} but not
 * {@code release/1.0/hotfix}; {@code release/**} matches both; neither matches {@code release}.
 *
 * @param pattern the pattern as written
 */
public record BranchGlob(String pattern) implements Serializable {

    public BranchGlob {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidPolicyException(
                    "allowedBranches", "a pattern is blank; write a branch name or a glob such as release/*");
        }
        pattern = pattern.trim();
    }

    /** Whether {@code branch} matches the whole pattern. */
    public boolean matches(String branch) {
        return branch != null && toRegex().matcher(branch).matches();
    }

    private Pattern toRegex() {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (c == '?') {
                regex.append("[^/]");
            } else if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else {
                regex.append("[^/]*");
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
