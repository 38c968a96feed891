package io.jenkins.plugins.promotiongates.core.evidence.sarif;

import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.util.Locale;

/** A SARIF result's level, from least to most severe. */
public enum SarifLevel {
    NONE,
    NOTE,
    WARNING,
    ERROR;

    /** The level as SARIF writes it: {@code none}, {@code note}, {@code warning}, {@code error}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this level is {@code other} or more severe. */
    public boolean atLeast(SarifLevel other) {
        return compareTo(other) >= 0;
    }

    /**
     * @param what the value's name for messages, such as {@code vulnerabilities.failOnLevel}
     * @throws IllegalArgumentException naming the value and the levels there are
     */
    public static SarifLevel parse(String text, String what) {
        for (SarifLevel level : values()) {
            if (level.text().equals(text)) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                what + " is " + QuotedInput.of(text) + "; a SARIF level is one of error, warning, note, none");
    }
}
