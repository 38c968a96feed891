package io.jenkins.plugins.promotiongates.core.evidence.sarif;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One result of a SARIF scan, as far as the check needs it.
 *
 * @param tool the scanner's name and version, such as {@code Flawfinder 2.0.19}
 * @param ruleId the rule it breaks, such as {@code FF1001}; {@code (no rule)} if the scan names none
 * @param level its level: its own, else its rule's default, else warning (SARIF 2.1.0, 3.27.10)
 * @param securitySeverity its {@code security-severity}, its own or its rule's; empty if neither gives one
 * @param location where: {@code uri:line}, {@code uri}, or empty
 * @param fingerprints its fingerprint and partial fingerprint values
 * @param message the first line of its message, quoted for display
 * @param suppressedInFile whether the scan marks it suppressed (which does not exempt it: see
 *     {@link VulnerabilityCheck})
 */
public record SarifFinding(
        String tool,
        String ruleId,
        SarifLevel level,
        OptionalDouble securitySeverity,
        String location,
        List<String> fingerprints,
        String message,
        boolean suppressedInFile) {

    public SarifFinding {
        fingerprints = List.copyOf(fingerprints);
    }

    /** {@code FF1001 (error) at copy.c:8}, or with its security-severity when it has one. */
    public String describe() {
        String severity = securitySeverity.isPresent() ? ", security-severity " + securitySeverity.getAsDouble() : "";
        return ruleId + " (" + level.text() + severity + ")" + (location.isEmpty() ? "" : " at " + location);
    }
}
