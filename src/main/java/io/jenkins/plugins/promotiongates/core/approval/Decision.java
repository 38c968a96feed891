package io.jenkins.plugins.promotiongates.core.approval;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One accepted decision: what the glue turns into an audit event.
 *
 * @param userId the person, normalized by the realm's id rules
 * @param kind approve, reject or break-glass
 * @param time when the gate accepted it
 * @param comment the comment or justification, possibly empty
 * @param artifactDigest the artifact digest the person decided on; {@code null} when the gate is bound to none
 * @param policyDigest the policy digest the person decided under
 * @param rules indices of the approval rules this approval may count for (empty for a break-glass)
 */
public record Decision(
        String userId,
        DecisionKind kind,
        Instant time,
        String comment,
        ArtifactDigest artifactDigest,
        String policyDigest,
        List<Integer> rules)
        implements Serializable {

    public Decision {
        comment = comment == null ? "" : comment;
        rules = List.copyOf(rules);
    }
}
