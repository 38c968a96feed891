package io.jenkins.plugins.promotiongates.views;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jenkins.plugins.promotiongates.views.fixture.SampleDescribable;
import io.jenkins.plugins.promotiongates.views.fixture.ShownValues;
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
    private static final String SHOWN = "io/jenkins/plugins/promotiongates/views/fixture/ShownValues/";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path root;
    private JavaClasses classes;

    @Before
    public void setUp() {
        root = temp.getRoot().toPath();
        classes = new ClassFileImporter()
                .importClasses(
                        SampleDescribable.class,
                        SampleDescribable.Nested.class,
                        ShownValues.class,
                        ShownValues.Status.class,
                        ShownValues.Entry.class);
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
                ViewChecker.HEADER + "\n<j:jelly xmlns:j=\"jelly:core\">${h.rawHtml(it.name)}"
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
    public void whatJexlOneGetsWrongIsRefusedFollowingVariablesAndGenericTypes() throws IOException {
        write(
                SHOWN + "index.jelly",
                ViewChecker.HEADER + "\n<j:jelly xmlns:j=\"jelly:core\">"
                        // sound: collections, record accessors, Optional<T>.get(), formatted text, a test
                        + "<p>${it.status.problems().size()} ${it.entries.size()} ${size(it.entries)}"
                        + " ${it.status.time()} ${it.last.get().name()} ${it.shown}</p>"
                        + "<j:if test=\"${it.instant != null}\"><p>${it.shown}</p></j:if>"
                        // size() of a long, directly, through j:set, j:forEach, Optional<T> and a message argument
                        + "<p>${it.status.size()}</p>"
                        + "<j:set var=\"status\" value=\"${it.status}\"/><p>${status.size()}</p>"
                        + "<j:forEach var=\"entry\" items=\"${it.entries}\"><p>${entry.size()}</p></j:forEach>"
                        + "<p>${it.last.get().size()}</p>"
                        + "<p>${%covers(it.status.size())}</p>"
                        + "<p>${nobodyKnows.size()}</p>"
                        // a record component read as a property, arithmetic, a class that is not public
                        + "<p>${it.status.time}</p><p>${it.status.problems().size() / 2}</p><p>${it.hidden.name}</p>"
                        // times shown with every nanosecond
                        + "<p>${it.instant}</p><p title=\"${it.printed}\"/>"
                        + "</j:jelly>");
        write(SHOWN + "index.properties", "covers=covers {0} entries\n");

        List<String> problems = new ViewChecker(root, classes).check();

        String status = ShownValues.Status.class.getName();
        assertThat(
                problems,
                containsInAnyOrder(
                        startsWith(SHOWN + "index.jelly: ${it.status.size()} calls it.status.size() on " + status
                                + ", which is not a collection"),
                        startsWith(SHOWN + "index.jelly: ${status.size()} calls status.size() on " + status),
                        startsWith(SHOWN + "index.jelly: ${entry.size()} calls entry.size() on "
                                + ShownValues.Entry.class.getName()),
                        startsWith(SHOWN + "index.jelly: ${it.last.get().size()} calls it.last.get().size() on "
                                + ShownValues.Entry.class.getName()),
                        startsWith(SHOWN + "index.jelly: ${it.status.size()} calls it.status.size() on " + status),
                        startsWith(SHOWN + "index.jelly: ${nobodyKnows.size()} calls nobodyKnows.size() on something"
                                + " whose type this check cannot tell"),
                        startsWith(SHOWN + "index.jelly: ${it.status.time} reads it.status.time, but " + status
                                + " has no getTime() or isTime(), so JEXL 1.x shows nothing (a record component is"
                                + " read with time())"),
                        startsWith(SHOWN + "index.jelly: ${it.status.problems().size() / 2} computes with + - * / %"),
                        startsWith(SHOWN + "index.jelly: ${it.hidden.name} reads it.hidden.name of "
                                + ShownValues.class.getName() + "$Hidden, which is not public"),
                        startsWith(SHOWN + "index.jelly: ${it.instant} shows a java.time.Instant as it is"),
                        startsWith(SHOWN + "index.jelly: ${it.printed} shows " + ShownValues.class.getName()
                                + ".getPrinted(), which prints a time with Instant.toString()")));
    }

    @Test
    public void messagesMustRenderAsWrittenAndKeysMustBeKeys() throws IOException {
        write(
                DIR + "index.jelly",
                ViewChecker.HEADER + "\n<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\">"
                        + "<p>${%Plain words, with a comma.} ${%possessive} ${%broken(it.name)}"
                        + " ${%covers(it.name, it.name)} ${%downloadEvents}</p>"
                        + "<f:checkbox title=\"${%Authors of the run's changes}\"/></j:jelly>");
        write(
                DIR + "index.properties",
                "possessive=every event''s hash\nbroken=it''s broken: {0}\ncovers=covers {0} entries\n"
                        + "lost=every event's hash\nlostWithArgument=artifact '{0}' is missing\n");
        write(DIR + "Messages.properties", "Fine=artifact ''{0}'' needs a workspace\nLost=the environment's users\n");
        write(DIR + "Messages_fr.properties", "Lost=l'environnement\n");
        write(DIR + "unrelated.properties", "version=it's not a message file\n");

        List<String> problems = new ViewChecker(root, classes).check();

        assertThat(
                problems,
                containsInAnyOrder(
                        startsWith(DIR + "index.jelly: ${%covers(it.name, it.name)} passes 2 argument(s) to message"
                                + " 'covers', which takes 1"),
                        startsWith(DIR + "index.jelly: ${%downloadEvents} looks like a key, but index.properties does"
                                + " not define it"),
                        startsWith(DIR + "index.jelly: ${%Authors of the run's changes} has a quote in its text"),
                        startsWith(DIR + "index.properties: message 'lost' renders as \"every events hash\", not"
                                + " \"every event's hash\""),
                        startsWith(DIR + "index.properties: message 'lostWithArgument' renders as \"artifact {0} is"
                                + " missing\", not \"artifact '<0>' is missing\""),
                        startsWith(DIR + "Messages.properties: message 'Lost' renders as \"the environments users\""),
                        startsWith(DIR + "Messages_fr.properties: message 'Lost' renders as \"lenvironnement\"")));
    }

    @Test
    public void messageArgumentsAreSplitAsStaplerSplitsThem() {
        assertEquals(
                List.of("a", "f(b, c)", "'x, y)'", "m[1]"), MessageBundles.arguments("a, f(b, c), 'x, y)', m[1])"));
        assertEquals(List.of(), MessageBundles.arguments(")"));
        assertEquals(null, MessageBundles.arguments("a, b"));
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
