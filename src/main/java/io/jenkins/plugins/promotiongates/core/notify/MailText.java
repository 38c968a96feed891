package io.jenkins.plugins.promotiongates.core.notify;

import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.DecisionKind;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The e-mails of a notice: one per person asked to decide who has an address, each saying what is
 * released, where, from which run, who may decide, and where to decide. Nothing else goes in: no
 * rule definitions, no policy JSON, no credential.
 */
public final class MailText {

    static final String PREFIX = "[Promotion Gates] ";

    private MailText() {}

    /**
     * The messages of {@code notice}, one per person in {@code notice.deciders()} who has an address in
     * {@code addresses}; addresses of anyone else are ignored, so nobody who may not decide is written to.
     * None for a decision that closed the gate: the closing e-mail that follows says it.
     *
     * @param addresses e-mail address by user id; blank addresses are skipped
     */
    public static List<MailMessage> compose(GateNotice notice, Map<String, String> addresses) {
        if (notice.event() == GateEvent.DECIDED && notice.state().isClosed()) {
            return List.of();
        }
        String subject = subject(notice);
        String body = body(notice);
        List<MailMessage> messages = new ArrayList<>();
        for (String userId : notice.deciders()) {
            String address = addresses.get(userId);
            if (address != null && !address.isBlank()) {
                messages.add(new MailMessage(userId, address.trim(), subject, body));
            }
        }
        return messages;
    }

    /** One line: what happened to which release, for which environment. */
    public static String subject(GateNotice notice) {
        String what = notice.release() + " to " + notice.environment();
        String line =
                switch (notice.event()) {
                    case OPENED ->
                        "Approval needed: " + what + " (" + notice.run().describe() + ")";
                    case REMINDER ->
                        "Reminder: approval needed before " + DisplayTime.of(notice.deadline()) + ": " + what;
                    case DECIDED ->
                        notice.actor() + " " + verb(notice.decision()) + " " + what + " (" + notice.progress() + ")";
                    case CLOSED -> "Gate closed, " + notice.state() + ": " + what;
                };
        return oneLine(PREFIX + line);
    }

    /** The text: the facts an approver needs, then the link. */
    public static String body(GateNotice notice) {
        StringBuilder text = new StringBuilder();
        text.append(headline(notice)).append("\n\n");
        field(text, "Release", notice.release());
        field(text, "Release digest", notice.releaseDigest());
        field(text, "Environment", notice.environment());
        field(text, "Run", notice.run().describe() + " " + notice.run().runUrl());
        field(text, "Message", notice.message());
        field(text, "Approvals", notice.progress());
        field(text, "Deadline", DisplayTime.of(notice.deadline()));
        Decision decision = notice.decision();
        if (decision != null) {
            field(text, "Decision", decision.userId() + " " + verb(decision));
            field(text, "Comment", decision.comment());
        }
        if (notice.state().isClosed()) {
            field(text, "Outcome", notice.state() + ": " + notice.closeReason());
        }
        text.append('\n');
        text.append("Who may decide: ")
                .append(notice.deciders().isEmpty() ? "nobody else" : String.join(", ", notice.deciders()))
                .append('\n');
        text.append(notice.state().isClosed() ? "The gate: " : "Decide here: ")
                .append(notice.run().gateUrl())
                .append("\n\n");
        text.append(
                notice.state().isClosed()
                        ? "You receive this because you were asked to decide at this gate; nothing is left to do.\n"
                        : "You receive this because you may decide at this gate.\n");
        return text.toString();
    }

    private static String headline(GateNotice notice) {
        return switch (notice.event()) {
            case OPENED -> "A promotion waits for your approval.";
            case REMINDER -> "A promotion still waits for your approval; its deadline is near.";
            case DECIDED -> notice.actor() + " " + verb(notice.decision()) + " this promotion.";
            case CLOSED -> "The approval gate of this promotion is closed: " + notice.state() + ".";
        };
    }

    private static String verb(Decision decision) {
        if (decision == null) {
            return "decided on";
        }
        return decision.kind() == DecisionKind.APPROVE
                ? "approved"
                : decision.kind() == DecisionKind.REJECT ? "rejected" : "broke the glass on";
    }

    private static void field(StringBuilder text, String name, String value) {
        if (value != null && !value.isBlank()) {
            text.append(name).append(": ").append(oneLine(value)).append('\n');
        }
    }

    /** No line breaks or other control characters: they would end a header, or forge lines of the text. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
