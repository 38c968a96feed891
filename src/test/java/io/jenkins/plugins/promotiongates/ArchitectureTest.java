package io.jenkins.plugins.promotiongates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.runner.RunWith;

/**
 * The engine ({@code ..core..}) decides; the glue translates. These rules keep Jenkins out of the
 * engine so that every decision is testable without a controller, keep the command-line tools
 * runnable without Jenkins, keep the glue packages free of cycles, and hold the glue's web methods to
 * the Jenkins security rules (POST for validation, fill and state-changing endpoints).
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
                    "io.jenkins.plugins.promotiongates.listeners..",
                    "io.jenkins.plugins.promotiongates.runs..",
                    "io.jenkins.plugins.promotiongates.ui..")
            .because("promotion-gates-cli.jar ships the engine alone, for auditors without Jenkins");

    /**
     * The glue packages depend on each other one way: runs, then config, ledger, listeners, gates, and steps
     * and ui on top (docs/architecture.md). The engine and the plugin's root package (upgrade aliases) are
     * left out: the engine depends on no glue, and nothing depends on the root.
     */
    @ArchTest
    static final ArchRule GLUE_PACKAGES_HAVE_NO_CYCLES = slices().assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String prefix = "io.jenkins.plugins.promotiongates.";
                    String name = javaClass.getPackageName();
                    if (!name.startsWith(prefix) || name.startsWith(prefix + "core")) {
                        return SliceIdentifier.ignore();
                    }
                    return SliceIdentifier.of(name.substring(prefix.length()).split("\\.")[0]);
                }

                @Override
                public String getDescription() {
                    return "the glue packages of io.jenkins.plugins.promotiongates";
                }
            })
            .should()
            .beFreeOfCycles();

    private static final String POST = "org.kohsuke.stapler.verb.POST";
    private static final String REQUIRE_POST = "org.kohsuke.stapler.interceptor.RequirePOST";

    /**
     * Form validation and fill endpoints answer POST only, as the Jenkins security team asks (CSRF, and no
     * data for a crafted link); warnings-ng's {@code PluginArchitectureRules} has the same rules. Whether
     * each also checks a permission: {@code config.FormEndpointsTest}.
     */
    @ArchTest
    static final ArchRule FORM_ENDPOINTS_ANSWER_POST_ONLY = methods()
            .that()
            .arePublic()
            .and()
            .haveNameMatching("do(Check|Fill|AutoComplete)[A-Z].*")
            .should()
            .beAnnotatedWith(POST)
            .orShould()
            .beAnnotatedWith(REQUIRE_POST)
            .because("a form endpoint is reached by a crafted link otherwise (docs/security.md)");

    /**
     * Every other web method ({@code do*}) changes state and answers POST only, unless it is marked
     * {@code @GET}: a read-only download, such as the audit bundle.
     */
    @ArchTest
    static final ArchRule WEB_METHODS_ANSWER_POST_UNLESS_READ_ONLY = methods()
            .that()
            .arePublic()
            .and()
            .haveNameMatching("do[A-Z].*")
            .and()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage("io.jenkins.plugins.promotiongates.core..")
            .should()
            .beAnnotatedWith(POST)
            .orShould()
            .beAnnotatedWith(REQUIRE_POST)
            .orShould()
            .beAnnotatedWith("org.kohsuke.stapler.verb.GET")
            .because("a state-changing endpoint reached by GET is open to CSRF");

    /** The engine asks nothing of the running controller; warnings-ng keeps {@code Jenkins.get()} behind a facade. */
    @ArchTest
    static final ArchRule ENGINE_NEVER_ASKS_FOR_JENKINS = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.promotiongates.core..")
            .should()
            .callMethod("jenkins.model.Jenkins", "get")
            .orShould()
            .callMethod("jenkins.model.Jenkins", "getInstance")
            .orShould()
            .callMethod("jenkins.model.Jenkins", "getInstanceOrNull")
            .because("what the engine needs (clock, identity, keys, storage root) is passed in");
}
