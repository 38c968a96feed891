package io.jenkins.plugins.promotiongates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

/**
 * The engine ({@code ..core..}) decides; the glue translates. These rules keep Jenkins out of the
 * engine so that every decision is testable without a controller, and keep the command-line tools
 * runnable without Jenkins.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.jenkins.plugins.promotiongates", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    private static final String[] JENKINS_PACKAGES = {
        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..", "org.jvnet.."
    };

    @ArchTest
    static final ArchRule ENGINE_IS_FREE_OF_JENKINS = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.promotiongates.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JENKINS_PACKAGES)
            .because("the engine decides and is tested without a controller; Jenkins objects stay in the glue");

    @ArchTest
    static final ArchRule ENGINE_DOES_NOT_CALL_BACK_INTO_GLUE = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.promotiongates.core..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages(
                    "io.jenkins.plugins.promotiongates.core..",
                    "java..",
                    "javax..",
                    "org.bouncycastle..",
                    "com.fasterxml.jackson..",
                    // Jakarta Mail sends gate notifications (core.notify); Jenkins's Mailer plugin brings it
                    "jakarta.mail..",
                    // the CycloneDX library reads SBOM evidence (core.evidence.sbom)
                    "org.cyclonedx..")
            .because("data flows one way: glue calls the engine, never the reverse");

    @ArchTest
    static final ArchRule NOTHING_RUNS_ON_AN_AGENT = noClasses()
            .should()
            .beAssignableTo(hudson.FilePath.FileCallable.class)
            .because("agents are untrusted: the controller reads workspace bytes itself and decides every gate;"
                    + " no verdict, digest, repository handle, key or credential crosses the agent channel"
                    + " (docs/security.md)");

    @ArchTest
    static final ArchRule ENGINE_PACKAGES_HAVE_NO_CYCLES = slices().matching(
                    "io.jenkins.plugins.promotiongates.core.(*)..")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule COMMAND_LINE_TOOLS_NEED_NO_JENKINS = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.promotiongates.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JENKINS_PACKAGES)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.jenkins.plugins.promotiongates.steps..",
                    "io.jenkins.plugins.promotiongates.config..",
                    "io.jenkins.plugins.promotiongates.gates..",
                    "io.jenkins.plugins.promotiongates.ledger..",
                    "io.jenkins.plugins.promotiongates.ui..")
            .because("promotion-gates-cli.jar ships the engine alone, for auditors without Jenkins");
}
