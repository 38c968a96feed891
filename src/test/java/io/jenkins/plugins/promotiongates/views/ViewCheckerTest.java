package io.jenkins.plugins.promotiongates.views;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jenkins.plugins.promotiongates.views.fixture.SampleDescribable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Each rule of {@link ViewChecker} catches what it is meant to catch. */
public class ViewCheckerTest {

    private static final String DIR = "io/jenkins/plugins/promotiongates/views/fixture/SampleDescribable/";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path root;
    private JavaClasses classes;

    @Before
    public void setUp() {
        root = temp.getRoot().toPath();
        classes = new ClassFileImporter().importClasses(SampleDescribable.class, SampleDescribable.Nested.class);
    }

    @Test
    public void soundViewsPass() throws IOException {
        write(
                DIR + "config.jelly",
                ViewChecker.HEADER + "\n<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\">"
                        + "<f:entry field=\"name\"/><f:checkbox field=\"enabled\"/></j:jelly>");
        write(DIR + "help-name.html", "<div>The name.</div>");
        write(DIR + "help-enabled.html", "<div>Whether it is on.</div>");
        write(DIR + "help.html", "<div>What it is.</div>");
        write(DIR + "Nested/help-count.html", "<div>How many.</div>");
        write(
                DIR + "Nested/config.jelly",
                ViewChecker.HEADER + "\n<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\">"
                        + "<f:number field=\"count\"/></j:jelly>");
        assertEquals(List.of(), new ViewChecker(root, classes).check());
    }

    @Test
    public void everyBrokenRuleIsReportedWithItsFile() throws IOException {
        write(
                DIR + "config.jelly",
                "<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\"><f:entry field=\"missing\"/></j:jelly>");
        write(DIR + "help-ghost.html", "<div>Nothing.</div>");
        write(DIR + "index.jelly", ViewChecker.HEADER + "\n<j:jelly xmlns:j=\"jelly:core\"><div>unclosed</j:jelly>");
        write(
                DIR + "summary.jelly",
                ViewChecker.HEADER + "\n<j:jelly xmlns:j=\"jelly:core\">${h.rawHtml(it.comment)}"
                        + "<button onclick=\"go()\"/></j:jelly>");
        write(
                "io/jenkins/plugins/promotiongates/views/fixture/NoSuchClass/config.jelly",
                ViewChecker.HEADER + "\n<div/>");
        List<String> problems = new ViewChecker(root, classes).check();
        List<String> rules =
                problems.stream().map(p -> p.substring(p.indexOf(": ") + 2)).collect(Collectors.toList());
        assertThat(
                rules,
                containsInAnyOrder(
                        startsWith("does not start with <?jelly escape-by-default='true'?>"),
                        startsWith("field 'missing' has no getter on " + SampleDescribable.class.getName()),
                        startsWith("field 'missing' has no help-missing.html"),
                        startsWith("names 'ghost', which is not a field of " + SampleDescribable.class.getName()),
                        startsWith("not well-formed XML"),
                        startsWith("uses h.rawHtml"),
                        startsWith("uses onclick="),
                        startsWith(
                                "no class io.jenkins.plugins.promotiongates.views.fixture.NoSuchClass for this view")));
    }

    @Test
    public void expressionsMustBeJenkinsJexlAndMessagesWithArgumentsNeedAKey() throws IOException {
        write(
                DIR + "index.jelly",
                ViewChecker.HEADER + "\n<j:jelly xmlns:j=\"jelly:core\">"
                        + "<p class=\"${it.enabled ? 'on' : 'off'}\">${%Time (UTC)} ${%count(it.name)}"
                        + " ${it.names*.size()} ${it.name}</p></j:jelly>");
        write(DIR + "index.properties", "count=Count: {0}\n");

        List<String> problems = new ViewChecker(root, classes).check();

        assertThat(
                problems,
                containsInAnyOrder(
                        startsWith(DIR + "index.jelly: ${%Time (UTC)} calls message 'Time ' with arguments"),
                        startsWith(DIR + "index.jelly: ${it.names*.size()} is not JEXL 1.x")));
    }

    @Test
    public void aTernaryIsSplitIntoItsThreeParts() {
        assertEquals(List.of("a ", " 'x?' ", " (b ? c : d)"), ViewChecker.ternaryParts("a ? 'x?' : (b ? c : d)"));
        assertEquals(List.of("it.name"), ViewChecker.ternaryParts("it.name"));
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
