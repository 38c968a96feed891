package io.jenkins.plugins.promotiongates.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.json.DetailsJson;
import java.util.Map;

/**
 * What the glue knows about an event before it is recorded; the recorder adds sequence number,
 * time, run, {@code prev} and {@code hash}.
 *
 * @param type an {@link EventTypes} name, or another well-formed type
 * @param actor the user id, or {@code SYSTEM}
 * @param environment the target environment, or {@code null}
 * @param artifact the artifact, or {@code null}
 * @param details type-specific facts (strings, integers, booleans, null, lists and maps of those)
 * @param policyDigest the effective policy's digest, or {@code null}
 */
public record EventDraft(
        String type,
        String actor,
        String environment,
        ArtifactRef artifact,
        Map<String, ?> details,
        String policyDigest) {

    public static final String SYSTEM = "SYSTEM";

    public EventDraft {
        if (!EventTypes.isWellFormed(type)) {
            throw new IllegalArgumentException("Audit event type '" + type
                    + "' is not well-formed: use lower-case dotted words such as 'approval.granted'.");
        }
        if (actor == null || actor.isEmpty()) {
            throw new IllegalArgumentException(
                    "Audit event '" + type + "' needs an actor: a user id, or \"SYSTEM\" for the controller itself.");
        }
        details = details == null ? Map.of() : details;
    }

    /** A draft with only type and actor; add the rest with the {@code with...} methods. */
    public static EventDraft of(String type, String actor) {
        return new EventDraft(type, actor, null, null, Map.of(), null);
    }

    public EventDraft withEnvironment(String value) {
        return new EventDraft(type, actor, value, artifact, details, policyDigest);
    }

    public EventDraft withArtifact(ArtifactRef value) {
        return new EventDraft(type, actor, environment, value, details, policyDigest);
    }

    public EventDraft withDetails(Map<String, ?> value) {
        return new EventDraft(type, actor, environment, artifact, value, policyDigest);
    }

    public EventDraft withPolicyDigest(String value) {
        return new EventDraft(type, actor, environment, artifact, details, value);
    }

    /** The details as a JSON object; rejects values that audit JSON cannot hold. */
    public ObjectNode detailsJson() {
        return (ObjectNode) DetailsJson.toNode(details, "details");
    }
}
