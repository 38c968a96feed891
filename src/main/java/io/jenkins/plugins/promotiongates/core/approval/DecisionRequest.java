package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;

/**
 * A decision someone asks a gate to take, before the gate judges it: {@link ApprovalGate#decide} turns it
 * into an accepted {@link Decision} or refuses it.
 *
 * @param who the person, as the glue authenticated them (never from the request)
 * @param kind approve, reject or break-glass
 * @param comment the comment or justification; may be {@code null} or blank (the gate refuses where one is required)
 * @param artifactDigest the artifact digest the person decided on; {@code null} when they saw none
 * @param policyDigest the policy digest the person decided under
 */
public record DecisionRequest(
        Approver who, DecisionKind kind, String comment, ArtifactDigest artifactDigest, String policyDigest) {}
