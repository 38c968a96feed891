package io.jenkins.plugins.promotiongates.core.evidence.external;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import java.time.Instant;
import java.util.Optional;

/**
 * The verdict on one answer of an external check and, while it is pending, when to ask again.
 *
 * @param verdict passed, failed, or pending
 * @param askAgainAt when the glue calls the check again; present only when pending
 */
public record ExternalCheckDecision(EvidenceVerdict verdict, Optional<Instant> askAgainAt) {}
