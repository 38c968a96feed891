package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceContext;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceFiles;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidencePrecondition;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRecord;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckDecision;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckRequest;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsCheck;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceRequirement;
import io.jenkins.plugins.promotiongates.core.release.Release;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides every kind of evidence the target requires of one release. Evidence files are read through
 * {@link EvidenceFiles}, so only release files whose bytes still hash to the release's digests are believed;
 * the run's test results and external checks come from {@link EvidenceSources}, which the controller fills.
 */
final class EvidenceEvaluation {

    /** Where the run's recorded results come from, as every verdict on them says: not bound to the release. */
    static final String RUN_RESULTS =
            "the test results the run recorded (counted by the JUnit plugin on the agent, not bound to the release)";

    private EvidenceEvaluation() {}

    static EvidenceResults decide(Environment target, PromotionRequest request, EvidenceSources sources, Instant now) {
        return decide(target, request.release(), request.run(), sources, now);
    }

    static EvidenceResults decide(
            Environment target, Release release, RunRef run, EvidenceSources sources, Instant now) {
        if (target.evidence().isEmpty()) {
            return EvidenceResults.NONE;
        }
        List<EvidenceRecord> records = new ArrayList<>();
        Optional<Instant> askAgainAt = Optional.empty();
        boolean failed = false;
        for (EvidenceRequirement requirement : target.evidence()) {
            EvidenceRecord record;
            if (requirement.kind() == EvidenceKind.EXTERNAL_CHECK) {
                ExternalCheckDecision decision = sources.external(requirement, body(target, release, run), now);
                record = new EvidenceRecord(decision.verdict(), Map.of());
                askAgainAt = earliest(askAgainAt, decision.askAgainAt());
            } else if (requirement.usesRunTestResults()) {
                record = runTests(requirement, sources);
            } else {
                record = files(requirement, release, sources, now);
            }
            failed |= record.verdict().outcome() == EvidenceVerdict.Outcome.FAILED;
            records.add(record);
        }
        return new EvidenceResults(records, failed ? Optional.empty() : askAgainAt);
    }

    private static EvidenceRecord files(
            EvidenceRequirement requirement, Release release, EvidenceSources sources, Instant now) {
        if (sources.content().isEmpty()) {
            return new EvidenceRecord(
                    EvidenceVerdict.failed(
                            requirement.kind(),
                            "the release's files were not read, so its "
                                    + requirement.kind().file() + " could not be checked",
                            List.of(),
                            "promote with promoteArtifact, which reads the release's files on the controller"),
                    Map.of());
        }
        EvidenceLimits limits = EvidenceLimits.DEFAULT;
        return EvidencePrecondition.decide(
                requirement.check(limits),
                requirement.files(),
                new EvidenceFiles(release, sources.content().get(), limits),
                new EvidenceContext(release, now));
    }

    private static EvidenceRecord runTests(EvidenceRequirement requirement, EvidenceSources sources) {
        if (sources.runTests().isEmpty()) {
            return new EvidenceRecord(
                    EvidenceVerdict.failed(
                            EvidenceKind.TESTS,
                            "the run recorded no test results",
                            List.of(),
                            "record them with the junit step before promoteArtifact, or name JUnit XML files of"
                                    + " the release in tests.files"),
                    Map.of());
        }
        TestsCheck check = new TestsCheck(requirement.testsSettings(), EvidenceLimits.DEFAULT);
        return new EvidenceRecord(check.evaluate(sources.runTests().get(), RUN_RESULTS), Map.of());
    }

    private static byte[] body(Environment target, Release release, RunRef run) {
        return ExternalCheckRequest.body(release, target.name(), run.job(), run.build(), run.url());
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
    }
}
