package io.jenkins.plugins.promotiongates.core.evidence.sarif;

import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.util.Locale;

/**
 * GitHub's {@code security-severity}: a number from 0.0 to 10.0 (a CVSS score) that code scanning maps to
 * critical (9.0 and over), high (7.0 to 8.9), medium (4.0 to 6.9) and low (0.1 to 3.9).
 */
public final class SecuritySeverity {

    private SecuritySeverity() {}

    /**
     * A threshold written as a number ({@code 7.0}) or a GitHub severity name ({@code high}, meaning 7.0).
     *
     * @param what the setting's name, for messages
     * @throws IllegalArgumentException naming the setting and what it accepts
     */
    public static double threshold(String text, String what) {
        String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (given) {
            case "critical":
                return 9.0;
            case "high":
                return 7.0;
            case "medium":
                return 4.0;
            case "low":
                return 0.1;
            default:
                try {
                    return score(given);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + " is " + QuotedInput.of(text)
                            + "; write a score from 0.0 to 10.0, or critical, high, medium or low");
                }
        }
    }

    /**
     * A score as a result or rule gives it (SARIF property bags hold it as a string, such as {@code "8.1"}).
     *
     * @throws IllegalArgumentException when it is not a number from 0.0 to 10.0
     */
    public static double score(String text) {
        double score;
        try {
            score = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(QuotedInput.of(text) + " is not a number");
        }
        if (!(score >= 0.0 && score <= 10.0)) {
            throw new IllegalArgumentException(text + " is not from 0.0 to 10.0");
        }
        return score;
    }
}
