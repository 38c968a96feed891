package io.jenkins.plugins.promotiongates.core.notify;

import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit events of notifications: {@code notification.sent} or {@code notification.failed}, by
 * SYSTEM, with the channel, the gate event, where it went, the outcome and the attempts. Never the
 * body, its signature, the secret or an e-mail address (people are named by user id).
 */
public final class NotificationEvents {

    private NotificationEvents() {}

    /** One webhook's outcome. */
    public static EventDraft webhook(GateNotice notice, WebhookDelivery delivery) {
        Map<String, Object> details = base(notice, "webhook");
        details.put("destination", delivery.destination());
        details.put("attempts", delivery.attempts());
        details.put("status", delivery.status());
        details.put("problem", delivery.problem());
        return draft(delivery.delivered(), notice, details);
    }

    /**
     * The e-mails of one notice.
     *
     * @param sent user ids written to
     * @param failed user ids whose message the server refused
     * @param problem the first refusal, or empty
     */
    public static EventDraft email(GateNotice notice, List<String> sent, List<String> failed, String problem) {
        Map<String, Object> details = base(notice, "email");
        details.put("recipients", List.copyOf(sent));
        details.put("failed", List.copyOf(failed));
        details.put("problem", problem == null ? "" : problem);
        return draft(failed.isEmpty(), notice, details);
    }

    private static Map<String, Object> base(GateNotice notice, String channel) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", channel);
        details.put("event", notice.event().wireName());
        details.put("gate", notice.gateId());
        details.put("artifactDigest", notice.releaseDigest());
        return details;
    }

    private static EventDraft draft(boolean ok, GateNotice notice, Map<String, Object> details) {
        return EventDraft.of(ok ? EventTypes.NOTIFICATION_SENT : EventTypes.NOTIFICATION_FAILED, EventDraft.SYSTEM)
                .withEnvironment(notice.environment())
                .withPolicyDigest(notice.policyDigest())
                .withDetails(details);
    }
}
