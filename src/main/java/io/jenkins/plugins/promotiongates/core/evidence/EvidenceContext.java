package io.jenkins.plugins.promotiongates.core.evidence;

import io.jenkins.plugins.promotiongates.core.release.Release;
import java.time.Instant;

/**
 * What a check may need besides its files: the release being promoted (an SBOM's subject must be one of
 * its files) and the time of the decision (exceptions expire).
 *
 * @param release the release being promoted
 * @param now the time of the decision, from the controller's clock
 */
public record EvidenceContext(Release release, Instant now) {}
