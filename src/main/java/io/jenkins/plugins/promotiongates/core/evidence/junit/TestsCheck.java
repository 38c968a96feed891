package io.jenkins.plugins.promotiongates.core.evidence.junit;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceCheck;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceContext;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceProblems;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRefusedException;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test evidence holds when no test case failed or ended in an error, no suite hides a failure, and at
 * least {@link TestsSettings#minimumTests()} test cases ran (skipped ones do not count), over all the
 * reports together.
 */
public final class TestsCheck implements EvidenceCheck {

    /** Failing tests named in a verdict; the count names the rest. */
    static final int SHOWN = 5;

    private final TestsSettings settings;
    private final JUnitXmlReader reader;

    public TestsCheck(TestsSettings settings, EvidenceLimits limits) {
        this.settings = settings;
        this.reader = new JUnitXmlReader(limits);
    }

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.TESTS;
    }

    @Override
    public EvidenceVerdict evaluate(List<EvidenceDocument> documents, EvidenceContext context) {
        EvidenceProblems problems = new EvidenceProblems(kind());
        TestReport all = TestReport.EMPTY;
        for (EvidenceDocument document : documents) {
            try {
                all = all.plus(reader.read(document));
            } catch (EvidenceRefusedException e) {
                problems.add(e);
            }
        }
        String source = documents.size() == 1 ? "1 report" : documents.size() + " reports";
        return verdict(all, source, problems);
    }

    /**
     * The verdict on results already counted, such as the JUnit plugin's results of the run.
     *
     * @param source where the results come from, for the message, such as {@code the run's test results}
     */
    public EvidenceVerdict evaluate(TestReport report, String source) {
        return verdict(report, source, new EvidenceProblems(kind()));
    }

    private EvidenceVerdict verdict(TestReport report, String source, EvidenceProblems problems) {
        int failing = report.failures() + report.errors();
        if (failing > 0) {
            List<FailedTest> shown =
                    report.failed().subList(0, Math.min(SHOWN, report.failed().size()));
            String more = failing > shown.size() ? ", and " + (failing - shown.size()) + " more" : "";
            problems.add(
                    failing + " of " + report.tests() + " tests failed (" + report.failures() + " failures, "
                            + report.errors() + " errors): "
                            + shown.stream().map(FailedTest::describe).collect(Collectors.joining(", ")) + more,
                    "fix the failing tests and promote a release built by a run where they pass");
        }
        for (String inconsistency : report.inconsistencies()) {
            problems.add(inconsistency, "archive the reports as the test runner wrote them");
        }
        int ran = report.tests() - report.skipped();
        if (ran < settings.minimumTests()) {
            problems.add(
                    ran + " tests ran (" + report.skipped() + " skipped) in " + source
                            + "; the policy requires at least " + settings.minimumTests(),
                    "run the whole test suite and archive every report, or lower tests.minimumTests in the policy");
        }
        return problems.verdict(
                ran + " tests ran in " + source + ", none failed (" + report.skipped() + " skipped; at least "
                        + settings.minimumTests() + " required)",
                "tests in " + source + " do not pass");
    }
}
