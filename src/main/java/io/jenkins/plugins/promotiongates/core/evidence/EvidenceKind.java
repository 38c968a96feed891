package io.jenkins.plugins.promotiongates.core.evidence;

/** The kinds of evidence a policy can require, each with the name it has in messages and records. */
public enum EvidenceKind {
    /** JUnit XML test reports: no failures or errors, at least a number of tests. */
    TESTS("tests", "test report"),
    /** A CycloneDX SBOM: allowed licences, pinned versions, its subject among the release's files. */
    SBOM("sbom", "SBOM"),
    /** A SARIF scan: no finding at or above a severity, but for accepted, unexpired exceptions. */
    VULNERABILITIES("vulnerabilities", "SARIF file"),
    /** A JSON object of named numbers within bounds (a performance budget). */
    METRICS("metrics", "metrics file"),
    /** The answer of an external system (change approval, monitoring) asked over HTTPS. */
    EXTERNAL_CHECK("externalCheck", "external check answer");

    private final String label;
    private final String file;

    EvidenceKind(String label, String file) {
        this.label = label;
        this.file = file;
    }

    /** The kind's name in messages, records and settings, such as {@code sbom}. */
    public String label() {
        return label;
    }

    /** What its evidence file is called in messages, such as {@code SARIF file}. */
    public String file() {
        return file;
    }
}
