package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckAnswer;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckDecision;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckJudge;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestReport;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceRequirement;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the controller gives the evidence precondition besides the release: the bytes of the release's files as it
 * reads them, the test results the run recorded (if any), and a way to ask external checks.
 *
 * <p>It also remembers, for one promotion, what each external check answered: a decided answer is not asked
 * again, and a pending one only once its wait is over, so the evaluations before and after the repository
 * opens, and each round of a promotion that waits, ask as the backoff says. Not thread-safe: one promotion
 * uses it from one thread.
 */
public final class EvidenceSources {

    private final ReleaseContent content;
    private final TestReport runTests;
    private final ExternalCheckAsker asker;
    private final Map<String, Asked> asked = new HashMap<>();

    private record Asked(int attempt, Instant firstAsked, ExternalCheckDecision decision) {}

    /**
     * @param content the release files' bytes, as the controller reads them; {@code null} when there are none
     * @param runTests the test results the run recorded, if it recorded any
     * @param asker calls external checks; {@code null} when none may be called
     */
    public EvidenceSources(ReleaseContent content, Optional<TestReport> runTests, ExternalCheckAsker asker) {
        this.content = content;
        this.runTests = runTests.orElse(null);
        this.asker = asker;
    }

    /** No file content, no test results, no external calls: every required evidence fails, saying why. */
    public static EvidenceSources none() {
        return new EvidenceSources(null, Optional.empty(), null);
    }

    Optional<ReleaseContent> content() {
        return Optional.ofNullable(content);
    }

    Optional<TestReport> runTests() {
        return Optional.ofNullable(runTests);
    }

    /** The check's decision now: asked for the first time, asked again once a pending wait is over, or remembered. */
    ExternalCheckDecision external(EvidenceRequirement requirement, byte[] body, Instant now) {
        Asked previous = asked.get(requirement.label());
        if (previous != null
                && (previous.decision().verdict().outcome() != EvidenceVerdict.Outcome.PENDING
                        || now.isBefore(previous.decision().askAgainAt().orElse(now)))) {
            return previous.decision();
        }
        if (asker == null) {
            return new ExternalCheckDecision(
                    EvidenceVerdict.pending(
                            EvidenceKind.EXTERNAL_CHECK,
                            requirement.label() + " is asked when promoteArtifact runs, not before",
                            ""),
                    Optional.empty());
        }
        int attempt = previous == null ? 1 : previous.attempt() + 1;
        Instant first = previous == null ? now : previous.firstAsked();
        ExternalCheckAnswer answer = asker.ask(requirement.externalCheck(), body);
        ExternalCheckDecision decision =
                new ExternalCheckJudge(requirement.externalCheck()).decide(answer, attempt, first, now);
        asked.put(requirement.label(), new Asked(attempt, first, decision));
        return decision;
    }
}
