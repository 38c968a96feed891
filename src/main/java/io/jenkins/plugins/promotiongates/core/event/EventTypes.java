package io.jenkins.plugins.promotiongates.core.event;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The event types the plugin records. The list is open: a type not listed here is accepted when it
 * is well-formed (lower-case dotted words, such as {@code gate.skipped}), so that newer plugin
 * versions can add types and older verifiers still verify them.
 */
public final class EventTypes {

    public static final String SIGNATURE_VERIFIED = "signature.verified";
    public static final String SIGNATURE_FAILED = "signature.failed";
    public static final String APPROVAL_REQUESTED = "approval.requested";
    public static final String APPROVAL_GRANTED = "approval.granted";
    public static final String APPROVAL_REJECTED = "approval.rejected";
    public static final String APPROVAL_EXPIRED = "approval.expired";
    public static final String APPROVAL_TIMEDOUT = "approval.timedout";
    public static final String APPROVAL_BREAKGLASS = "approval.breakglass";
    public static final String GATE_PASSED = "gate.passed";
    public static final String GATE_FAILED = "gate.failed";
    public static final String PROMOTION_COMPLETED = "promotion.completed";
    public static final String PROMOTION_REFUSED = "promotion.refused";
    public static final String PROMOTION_NOOP = "promotion.noop";
    public static final String PROMOTION_ATTESTED = "promotion.attested";
    /** A gate's notification (e-mail or webhook) was delivered; details say where, how and after how many attempts. */
    public static final String NOTIFICATION_SENT = "notification.sent";
    /** A gate's notification could not be delivered, after every attempt. */
    public static final String NOTIFICATION_FAILED = "notification.failed";

    public static final List<String> KNOWN = List.of(
            SIGNATURE_VERIFIED,
            SIGNATURE_FAILED,
            APPROVAL_REQUESTED,
            APPROVAL_GRANTED,
            APPROVAL_REJECTED,
            APPROVAL_EXPIRED,
            APPROVAL_TIMEDOUT,
            APPROVAL_BREAKGLASS,
            GATE_PASSED,
            GATE_FAILED,
            PROMOTION_COMPLETED,
            PROMOTION_REFUSED,
            PROMOTION_NOOP,
            PROMOTION_ATTESTED,
            NOTIFICATION_SENT,
            NOTIFICATION_FAILED);

    /** Two or more dot-separated words of lower-case letters, digits and '-', each starting with a letter. */
    private static final Pattern WELL_FORMED = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private EventTypes() {}

    public static boolean isWellFormed(String type) {
        return type != null && type.length() <= 100 && WELL_FORMED.matcher(type).matches();
    }
}
