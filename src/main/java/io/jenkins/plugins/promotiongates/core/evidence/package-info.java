/**
 * Evidence preconditions of a promotion: what is in a release and whether it passed its checks, decided from bytes the controller
 * read itself. Each kind of evidence (test results, SBOM, vulnerability scan, metrics, external check) has a
 * reader that turns hostile bytes into a small model or a clear refusal, and a check that holds the policy's
 * settings for that kind and returns one {@link io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict}
 * listing every problem at once. {@link io.jenkins.plugins.promotiongates.core.evidence.EvidenceFiles} binds an
 * evidence file to the release: it must be one of the release's files and hash to its recorded digest.
 */
package io.jenkins.plugins.promotiongates.core.evidence;
