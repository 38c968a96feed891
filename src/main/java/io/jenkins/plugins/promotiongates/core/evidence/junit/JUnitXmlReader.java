package io.jenkins.plugins.promotiongates.core.evidence.junit;

import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRefusedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a JUnit XML report ({@code <testsuite>} or {@code <testsuites>} at the root, as Surefire, Gradle and
 * pytest write them) into a {@link TestReport}. Test cases are counted from the {@code <testcase>} elements
 * themselves, so a report cannot claim tests it does not list; a suite that declares more failures than it
 * lists is reported as an inconsistency. DTDs, entities and nesting deeper than the limit are refused.
 */
public final class JUnitXmlReader {

    private final HardenedXml xml = new HardenedXml();
    private final int maxDepth;

    public JUnitXmlReader(EvidenceLimits limits) {
        this.maxDepth = limits.maxDepth();
    }

    /**
     * @throws EvidenceRefusedException naming the report, the reason and the remedy
     */
    public TestReport read(EvidenceDocument document) throws EvidenceRefusedException {
        String what = "the test report '" + document.name() + "'";
        try {
            XMLStreamReader reader = xml.open(document.bytes());
            try {
                return read(reader, what);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new EvidenceRefusedException(
                    what + " is not well-formed XML: " + lastLine(e.getMessage()),
                    "archive the report as the test runner wrote it");
        }
    }

    private TestReport read(XMLStreamReader reader, String what) throws XMLStreamException, EvidenceRefusedException {
        Tally tally = new Tally(what);
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw HardenedXml.refuseDtd(what);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth > maxDepth) {
                    throw new EvidenceRefusedException(
                            what + " nests elements deeper than " + maxDepth + " levels",
                            "archive the report as the test runner wrote it");
                }
                if (depth == 1 && !isRoot(reader.getLocalName())) {
                    throw new EvidenceRefusedException(
                            what + " has <" + reader.getLocalName() + "> at its root, not <testsuite> or <testsuites>",
                            "name a JUnit XML report, such as Surefire's target/surefire-reports/TEST-*.xml or pytest"
                                    + " --junitxml output");
                }
                tally.start(reader);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                tally.end(reader.getLocalName());
                depth--;
            }
        }
        return tally.report();
    }

    private static boolean isRoot(String name) {
        return name.equals("testsuite") || name.equals("testsuites");
    }

    private static String lastLine(String message) {
        String text = message == null ? "" : message.strip();
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    /** Counts as elements open and close. */
    private static final class Tally {
        private final String what;
        private final Deque<Suite> suites = new ArrayDeque<>();
        private final List<FailedTest> failed = new ArrayList<>();
        private final List<String> inconsistencies = new ArrayList<>();
        private int tests;
        private int failures;
        private int errors;
        private int skipped;
        private String caseName;
        private FailedTest caseFailure;
        private boolean caseSkipped;

        Tally(String what) {
            this.what = what;
        }

        void start(XMLStreamReader reader) throws EvidenceRefusedException {
            switch (reader.getLocalName()) {
                case "testsuite" -> {
                    if (!suites.isEmpty()) {
                        suites.peek().nested = true;
                    }
                    String name = attribute(reader, "name");
                    suites.push(new Suite(name, count(reader, "failures", name) + count(reader, "errors", name)));
                }
                case "testcase" -> {
                    String className = attribute(reader, "classname");
                    String name = attribute(reader, "name");
                    caseName = className.isEmpty() ? name : className + "." + name;
                    caseFailure = null;
                    caseSkipped = false;
                }
                case "failure", "error" -> {
                    if (caseName != null && caseFailure == null) {
                        String message = attribute(reader, "message");
                        String shown = message.isEmpty() ? attribute(reader, "type") : message;
                        String firstLine = shown.lines().findFirst().orElse("");
                        caseFailure = new FailedTest(
                                caseName,
                                reader.getLocalName().equals("error"),
                                firstLine.isEmpty() ? "" : QuotedInput.of(firstLine));
                    }
                }
                case "skipped" -> caseSkipped = caseName != null;
                default -> {
                    // properties, system-out, flakyFailure (passed on a rerun) and the like: not counted
                }
            }
        }

        void end(String element) {
            if (element.equals("testcase") && caseName != null) {
                tests++;
                if (caseFailure != null) {
                    failed.add(caseFailure);
                    if (caseFailure.error()) {
                        errors++;
                    } else {
                        failures++;
                    }
                    if (!suites.isEmpty()) {
                        suites.peek().failing++;
                    }
                } else if (caseSkipped) {
                    skipped++;
                }
                caseName = null;
            } else if (element.equals("testsuite") && !suites.isEmpty()) {
                Suite suite = suites.pop();
                if (!suite.nested && suite.declared > suite.failing) {
                    inconsistencies.add("suite " + QuotedInput.of(suite.name) + " in " + what + " declares "
                            + suite.declared + " failures and errors but lists " + suite.failing
                            + " failing test cases");
                }
            }
        }

        TestReport report() {
            return new TestReport(tests, failures, errors, skipped, failed, inconsistencies);
        }

        private static String attribute(XMLStreamReader reader, String name) {
            String value = reader.getAttributeValue(null, name);
            return value == null ? "" : value;
        }

        private int count(XMLStreamReader reader, String attribute, String suite) throws EvidenceRefusedException {
            String value = attribute(reader, attribute).strip();
            if (value.isEmpty()) {
                return 0;
            }
            try {
                int count = Integer.parseInt(value);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new EvidenceRefusedException(
                    what + ": suite " + QuotedInput.of(suite) + " has " + attribute + "=" + QuotedInput.of(value)
                            + ", which is not a count",
                    "archive the report as the test runner wrote it");
        }
    }

    /** A suite being read: its declared failures and errors, and the failing cases it lists. */
    private static final class Suite {
        private final String name;
        private final int declared;
        private int failing;
        private boolean nested;

        Suite(String name, int declared) {
            this.name = name;
            this.declared = declared;
        }
    }
}
