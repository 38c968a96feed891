package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.PromotionRefusedDetails;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * What became of a gate that let its run through: the last promotion of the run into the gate's environment
 * that its audit chain records after the gate closed, in one sentence for the gate's page, so that an
 * approved gate whose promotion was then refused says so.
 */
public final class PromotionAfterGate {

    private static final Set<String> PROMOTIONS =
            Set.of(EventTypes.PROMOTION_COMPLETED, EventTypes.PROMOTION_NOOP, EventTypes.PROMOTION_REFUSED);

    private PromotionAfterGate() {}

    /**
     * @param events the run's audit chain, oldest first
     * @param environment the gate's environment
     * @param closedAt when the gate closed
     */
    public static String of(List<AuditEvent> events, String environment, Instant closedAt) {
        AuditEvent last = null;
        for (AuditEvent event : events) {
            if (PROMOTIONS.contains(event.type())
                    && environment.equals(event.get("environment").asText())
                    && !time(event).isBefore(closedAt)) {
                last = event;
            }
        }
        if (last == null) {
            return "No promotion to " + environment + " has been recorded in this run since the gate closed.";
        }
        String when = DisplayTime.of(time(last));
        return switch (last.type()) {
            case EventTypes.PROMOTION_COMPLETED ->
                "Then promoteArtifact promoted " + release(last) + " to " + environment + " at " + when + ".";
            case EventTypes.PROMOTION_NOOP ->
                "Then promoteArtifact found " + release(last) + " already in " + environment + " at " + when
                        + ": nothing was copied.";
            default -> refused(PromotionRefusedDetails.from(last.get("details")), when);
        };
    }

    /** The release a promotion event names, read by the one reader of promotion records. */
    private static String release(AuditEvent promotion) {
        try {
            Release release = PromotionEvents.record(promotion).release();
            return release.application() + " " + release.version();
        } catch (IllegalArgumentException e) {
            return "the release";
        }
    }

    private static String refused(PromotionRefusedDetails details, String when) {
        List<String> reasons = details.reasons().isEmpty() ? List.of("(no reason recorded)") : details.reasons();
        return "Then promoteArtifact " + (details.failed() ? "failed" : "was refused") + " at " + when + ": "
                + String.join(" ", reasons);
    }

    private static Instant time(AuditEvent event) {
        try {
            return Instant.parse(event.time());
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
