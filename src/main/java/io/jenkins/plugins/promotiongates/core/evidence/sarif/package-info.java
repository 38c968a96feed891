/**
 * Vulnerability evidence: SARIF 2.1.0 scans (Trivy, Grype, Semgrep, CodeQL, SpotBugs, flawfinder) judged
 * by level and by GitHub's {@code security-severity}, with exceptions that accept a named finding until a
 * date, recorded with who accepted it and why.
 */
package io.jenkins.plugins.promotiongates.core.evidence.sarif;
