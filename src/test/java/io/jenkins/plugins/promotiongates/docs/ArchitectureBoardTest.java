package io.jenkins.plugins.promotiongates.docs;

import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The engine's packages depend on each other only as the board ({@code core-packages.puml}) draws them, and
 * docs/architecture.md shows that very board.
 */
public class ArchitectureBoardTest {

    private static final URL BOARD =
            ArchitectureBoardTest.class.getResource("/io/jenkins/plugins/promotiongates/core-packages.puml");

    @Test
    public void theEngineFollowsItsBoard() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.promotiongates.core");
        ArchRuleDefinition.classes()
                .should(adhereToPlantUmlDiagram(BOARD, consideringOnlyDependenciesInDiagram()))
                .check(core);
    }

    @Test
    public void theArchitectureDocShowsTheBoard() throws Exception {
        String board = new String(BOARD.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Sources.read("docs/architecture.md"), containsString(board.strip()));
    }

    /** A new engine package is drawn on the board, or the board could not check it. */
    @Test
    public void everyEnginePackageIsOnTheBoard() throws Exception {
        String board = new String(BOARD.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path core = Sources.root().resolve("src/main/java/io/jenkins/plugins/promotiongates/core");
        try (java.util.stream.Stream<java.nio.file.Path> packages = java.nio.file.Files.list(core)) {
            packages.filter(java.nio.file.Files::isDirectory).forEach(dir -> {
                String name = dir.getFileName().toString();
                assertThat(board, containsString("[" + name + "] <<..promotiongates.core." + name + "..>>"));
            });
        }
    }

    /**
     * Every type docs/architecture.md names in backticks ({@code SignatureVerifiers.standardList},
     * {@code core/promotion/Precondition}) is a class of the plugin or its tests, so the page that says where
     * a new piece goes cannot point at a class that was renamed.
     */
    @Test
    public void everyClassTheArchitectureDocNamesExists() throws Exception {
        // Not classes of the plugin: the JDK's MessageFormat, and the Messages classes the localizer generates.
        java.util.Set<String> classes = new java.util.HashSet<>(List.of("MessageFormat", "Messages"));
        for (String tree : List.of("src/main/java", "src/test/java")) {
            try (java.util.stream.Stream<java.nio.file.Path> files =
                    java.nio.file.Files.walk(Sources.root().resolve(tree))) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".java"))
                        .forEach(name -> classes.add(name.substring(0, name.length() - ".java".length())));
            }
        }
        Matcher named = Pattern.compile("`(?:[a-z]+/)*([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)?)(?:[.#][A-Za-z]+)?`")
                .matcher(Sources.read("docs/architecture.md"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        while (named.find()) {
            checked++;
            if (!classes.contains(named.group(1))) {
                missing.add(named.group(1));
            }
        }
        assertThat("classes named in docs/architecture.md", missing, empty());
        assertThat(checked, greaterThan(20));
    }
}
