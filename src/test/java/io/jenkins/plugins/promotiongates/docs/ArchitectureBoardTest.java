package io.jenkins.plugins.promotiongates.docs;

import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.net.URL;
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
}
