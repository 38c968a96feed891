package io.jenkins.plugins.promotiongates.core.evidence.sarif;

import java.time.LocalDate;

/**
 * A finding accepted by a named person, for a stated reason, until a date: while it holds, a matching
 * finding does not fail the gate; from the day after {@code until} (UTC), it no longer counts and the
 * verdict says that it expired.
 *
 * @param ruleId the rule of the finding, such as {@code CVE-2024-1234} or {@code FF1001}
 * @param location where, as the verdict prints it ({@code uri:line} or {@code uri}); empty for anywhere
 * @param fingerprint one of the finding's fingerprint values; empty for any
 * @param until the last day it is accepted, inclusive, in UTC
 * @param acceptedBy who accepted it (a user id)
 * @param reason why it is acceptable
 */
public record AcceptedFinding(
        String ruleId, String location, String fingerprint, LocalDate until, String acceptedBy, String reason) {

    /**
     * @throws IllegalArgumentException naming the field that is missing
     */
    public AcceptedFinding {
        location = location == null ? "" : location.strip();
        fingerprint = fingerprint == null ? "" : fingerprint.strip();
        require(ruleId, "ruleId", "the rule id the scanner reports, such as CVE-2024-1234");
        require(acceptedBy, "acceptedBy", "the user id of the person who accepts the finding");
        require(reason, "reason", "why the finding is acceptable, such as 'not reachable: the parser is unused'");
        if (until == null) {
            throw new IllegalArgumentException("vulnerabilities exception for " + ruleId
                    + ": until is missing; give the last day it holds, such as 2027-03-31");
        }
    }

    private static void require(String value, String field, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("vulnerabilities exception: " + field + " is missing; give " + example);
        }
    }

    /** Whether it names {@code finding}: same rule, and the same location and fingerprint where it gives them. */
    public boolean matches(SarifFinding finding) {
        return ruleId.equals(finding.ruleId())
                && (location.isEmpty()
                        || location.equals(finding.location())
                        || finding.location().startsWith(location + ":"))
                && (fingerprint.isEmpty() || finding.fingerprints().contains(fingerprint));
    }

    /** Whether it still holds on {@code day}. */
    public boolean holdsOn(LocalDate day) {
        return !day.isAfter(until);
    }

    /** {@code accepted by alice until 2027-03-31: reason}. */
    public String describe() {
        return "accepted by " + acceptedBy + " until " + until + ": " + reason;
    }
}
