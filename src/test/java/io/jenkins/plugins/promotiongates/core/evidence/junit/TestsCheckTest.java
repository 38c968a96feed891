package io.jenkins.plugins.promotiongates.core.evidence.junit;

import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.anyContext;
import static io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures.document;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import java.util.List;
import org.junit.Test;

/** Test evidence from real Surefire and pytest reports (fixtures README.md) and from hostile ones. */
public class TestsCheckTest {

    private static EvidenceVerdict check(int minimum, EvidenceDocument... documents) {
        return new TestsCheck(new TestsSettings(minimum), EvidenceLimits.DEFAULT)
                .evaluate(List.of(documents), anyContext());
    }

    @Test
    public void aPassingSurefireReportPasses() {
        EvidenceVerdict verdict = check(5, document("surefire-passing.xml"));
        assertTrue(verdict.line(), verdict.passed());
        assertEquals("5 tests ran in 1 report, none failed (0 skipped; at least 5 required)", verdict.message());
    }

    @Test
    public void aFailingSurefireReportNamesEachFailureAndError() {
        EvidenceVerdict verdict = check(1, document("surefire-failing.xml"));
        assertFalse(verdict.passed());
        assertEquals(1, verdict.problems().size());
        String problem = verdict.problems().get(0);
        assertThat(problem, containsString("2 of 4 tests failed (1 failures, 1 errors)"));
        assertThat(
                problem,
                containsString("com.example.GreetingTest.greetsPolitely (failure: 'expected:<[Good morning], Ada>"));
        assertThat(problem, containsString("com.example.GreetingTest.refusesNull (error: 'Cannot invoke"));
        assertThat(verdict.remedy(), containsString("fix the failing tests"));
    }

    @Test
    public void aFailingPytestReportFailsAndSkippedTestsDoNotCountTowardsTheMinimum() {
        EvidenceVerdict verdict = check(3, document("pytest-failing.xml"));
        assertFalse(verdict.passed());
        assertEquals(2, verdict.problems().size());
        assertThat(verdict.problems().get(0), containsString("1 of 3 tests failed"));
        assertThat(verdict.problems().get(0), containsString("test_checkout.test_total_adds_prices (failure:"));
        assertEquals(
                "2 tests ran (1 skipped) in 1 report; the policy requires at least 3",
                verdict.problems().get(1));
        assertThat(verdict.remedy(), containsString("lower tests.minimumTests"));
    }

    @Test
    public void reportsAreAddedUp() {
        EvidenceVerdict verdict = check(9, document("surefire-passing.xml"), document("surefire-failing.xml"));
        assertThat(verdict.problems().get(0), containsString("2 of 9 tests failed"));
        assertThat(
                verdict.problems().get(1),
                containsString("8 tests ran (1 skipped) in 2 reports; the policy requires at least 9"));
    }

    @Test
    public void tooFewTestsFail() {
        EvidenceVerdict verdict = check(6, document("surefire-passing.xml"));
        assertEquals(
                List.of("5 tests ran (0 skipped) in 1 report; the policy requires at least 6"), verdict.problems());
    }

    @Test
    public void aSuiteCannotClaimTestsItDoesNotListNorHideFailures() {
        EvidenceVerdict verdict = check(
                1,
                document(
                        "claims.xml",
                        "<testsuite name=\"s\" tests=\"500\" failures=\"2\"><testcase classname=\"a\" name=\"b\"/>"
                                + "</testsuite>"));
        assertEquals(
                List.of("suite 's' in the test report 'claims.xml' declares 2 failures and errors but lists 0 failing"
                        + " test cases"),
                verdict.problems());
        assertFalse(verdict.passed());
    }

    @Test
    public void billionLaughsIsRefusedBeforeAnyExpansion() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
                + "<testsuite name=\"&lol9;\"><testcase name=\"x\"/></testsuite>";
        EvidenceVerdict verdict = check(0, document("lolz.xml", laughs));
        assertFalse(verdict.passed());
        assertEquals(
                List.of("the test report 'lolz.xml' declares a DTD or an entity, which is never processed (billion"
                        + " laughs, XXE)"),
                verdict.problems());
        assertThat(verdict.remedy(), containsString("write no DTD"));
    }

    @Test
    public void externalEntitiesAreRefusedAndNeverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite name=\"s\"><testcase name=\"a\"><failure message=\"&x;\"/></testcase></testsuite>";
        EvidenceVerdict verdict = check(0, document("xxe.xml", xxe));
        assertFalse(verdict.passed());
        assertThat(verdict.message(), not(containsString("root:")));
        assertThat(verdict.problems().get(0), containsString("declares a DTD or an entity"));
    }

    @Test
    public void anUndeclaredEntityIsNotWellFormed() {
        EvidenceVerdict verdict = check(0, document("e.xml", "<testsuite name=\"&x;\"/>"));
        assertFalse(verdict.passed());
        assertThat(verdict.problems().get(0), containsString("the test report 'e.xml'"));
    }

    @Test
    public void deepNestingIsRefused() {
        String deep = "<testsuite>" + "<a>".repeat(100) + "</a>".repeat(100) + "</testsuite>";
        EvidenceVerdict verdict = check(0, document("deep.xml", deep));
        assertEquals(List.of("the test report 'deep.xml' nests elements deeper than 64 levels"), verdict.problems());
    }

    @Test
    public void otherXmlIsNotATestReport() {
        EvidenceVerdict verdict = check(0, document("pom.xml", "<project><testsuite/></project>"));
        assertEquals(
                List.of("the test report 'pom.xml' has <project> at its root, not <testsuite> or <testsuites>"),
                verdict.problems());
    }

    @Test
    public void brokenXmlAndBadCountsAreRefusedWithTheirReason() {
        EvidenceVerdict broken = check(0, document("cut.xml", "<testsuite><testcase name=\"a\">"));
        assertThat(broken.problems().get(0), containsString("the test report 'cut.xml' is not well-formed XML"));
        EvidenceVerdict counts = check(0, document("n.xml", "<testsuite name=\"s\" failures=\"-1\"/>"));
        assertEquals(
                List.of("the test report 'n.xml': suite 's' has failures='-1', which is not a count"),
                counts.problems());
    }

    @Test
    public void theJUnitPluginsCountsAreJudgedTheSameWay() {
        TestReport report = new TestReport(10, 1, 0, 0, List.of(new FailedTest("a.B.c", false, "'boom'")), List.of());
        EvidenceVerdict verdict =
                new TestsCheck(new TestsSettings(1), EvidenceLimits.DEFAULT).evaluate(report, "the run's test results");
        assertEquals(
                List.of("1 of 10 tests failed (1 failures, 0 errors): a.B.c (failure: 'boom')"), verdict.problems());
    }

    @Test
    public void aNegativeMinimumNamesTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TestsSettings(-1));
        assertThat(e.getMessage(), containsString("tests.minimumTests is -1"));
    }
}
