package io.jenkins.plugins.promotiongates.views;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** The plugin's own views, help files and message files pass every {@link ViewChecker} rule. */
public class ViewsTest {

    @Test
    public void everyViewAndHelpFileIsSound() throws Exception {
        Path classesRoot =
                Path.of(ViewsTest.class.getResource("/index.jelly").toURI()).getParent();
        JavaClasses classes = new ClassFileImporter().importPath(classesRoot);
        ViewChecker checker = new ViewChecker(classesRoot, classes);
        List<String> problems = checker.check();
        assertEquals("View problems:\n" + String.join("\n", problems), List.of(), problems);
        assertTrue("index.jelly at least must have been checked", checker.checkedViews() >= 1);
        assertTrue("the five Messages.properties at least must have been checked", checker.checkedMessageFiles() >= 5);
    }
}
