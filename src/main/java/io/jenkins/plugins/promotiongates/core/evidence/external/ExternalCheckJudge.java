package io.jenkins.plugins.promotiongates.core.evidence.external;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRefusedException;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import io.jenkins.plugins.promotiongates.core.evidence.StrictJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns each answer of an external check into a decision. The contract: HTTP 2xx with the JSON object
 * {@code {"status": "pass"|"fail"|"pending", "reason": "..."}}. {@code pending}, no answer, 408, 429 and
 * 5xx keep the gate waiting and ask again after the {@link PollSchedule} wait, until
 * {@link ExternalCheckSettings#giveUpAfter()} has passed since the first call; any other status, a body
 * that breaks the contract, and {@code fail} fail the gate. Messages name the endpoint's host only: a path
 * or query may hold a token.
 */
public final class ExternalCheckJudge {

    /** The largest answer read: 64 KiB. */
    public static final int MAX_ANSWER = 64 * 1024;

    private static final EvidenceKind KIND = EvidenceKind.EXTERNAL_CHECK;

    private final ExternalCheckSettings settings;
    private final StrictJson json = new StrictJson(new EvidenceLimits(MAX_ANSWER, 16));
    private final String check;

    public ExternalCheckJudge(ExternalCheckSettings settings) {
        this.settings = settings;
        this.check = "the external check at " + settings.endpoint().getHost();
    }

    /**
     * @param attempt which call this answers, counting from 1
     * @param firstAsked when the first call was made
     * @param now now, from the controller's clock
     */
    public ExternalCheckDecision decide(ExternalCheckAnswer answer, int attempt, Instant firstAsked, Instant now) {
        if (!answer.asked()) {
            return failed(
                    check + " was not asked: " + answer.failure(),
                    "ask an administrator to correct the check in Manage Jenkins, then promote again");
        }
        if (!answer.answered()) {
            return waitOrGiveUp(check + " did not answer: " + answer.failure(), attempt, firstAsked, now);
        }
        int status = answer.httpStatus();
        if (status == 408 || status == 429 || status >= 500) {
            return waitOrGiveUp(check + " answered HTTP " + status, attempt, firstAsked, now);
        }
        if (status < 200 || status > 299) {
            return failed(
                    check + " answered HTTP " + status + ", which is not an answer",
                    "check externalCheck.endpoint and the credential "
                            + (settings.credentialsId().isEmpty()
                                    ? "(none is set)"
                                    : "'" + settings.credentialsId() + "'")
                            + "; redirects are not followed");
        }
        JsonNode tree;
        try {
            if (answer.body().length > MAX_ANSWER) {
                throw new EvidenceRefusedException(
                        check + " answered more than " + MAX_ANSWER + " bytes", "answer with the short JSON object");
            }
            tree = json.readObject(answer.body(), check + "'s answer");
        } catch (EvidenceRefusedException e) {
            return failed(
                    e.getMessage(),
                    "make the endpoint answer {\"status\": \"pass\"|\"fail\"|\"pending\"," + " \"reason\": \"...\"}");
        }
        String verdict = tree.path("status").asText("");
        JsonNode reasonNode = tree.get("reason");
        String reason = reasonNode == null || reasonNode.isNull()
                ? "(no reason given)"
                : QuotedInput.of(reasonNode.isTextual() ? reasonNode.asText() : reasonNode.toString());
        switch (verdict) {
            case "pass":
                return new ExternalCheckDecision(
                        EvidenceVerdict.passed(KIND, check + " passed: " + reason), Optional.empty());
            case "fail":
                return failed(
                        check + " failed: " + reason,
                        "resolve what the check reports, then promote again (it is asked anew)");
            case "pending":
                return waitOrGiveUp(check + " is pending: " + reason, attempt, firstAsked, now);
            default:
                return failed(
                        check + " answered status " + QuotedInput.of(verdict) + ", which is not pass, fail or pending",
                        "make the endpoint answer {\"status\": \"pass\"|\"fail\"|\"pending\", \"reason\": \"...\"}");
        }
    }

    private ExternalCheckDecision waitOrGiveUp(String what, int attempt, Instant firstAsked, Instant now) {
        Duration wait = settings.schedule().after(attempt);
        Instant next = now.plus(wait);
        Instant deadline = firstAsked.plus(settings.giveUpAfter());
        if (next.isAfter(deadline)) {
            return failed(
                    what + "; still undecided "
                            + Duration.between(firstAsked, now).toSeconds() + " s after the first"
                            + " call, and the limit is "
                            + settings.giveUpAfter().toSeconds() + " s",
                    "ask the check's owners to decide, or raise externalCheck.giveUpAfter");
        }
        return new ExternalCheckDecision(
                EvidenceVerdict.pending(
                        KIND,
                        what,
                        "keep waiting: asked again at " + next + " (call " + (attempt + 1) + ", after "
                                + wait.toSeconds() + " s)"),
                Optional.of(next));
    }

    private static ExternalCheckDecision failed(String message, String remedy) {
        return new ExternalCheckDecision(
                EvidenceVerdict.failed(KIND, message, List.of(message), remedy), Optional.empty());
    }
}
