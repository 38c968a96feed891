package io.jenkins.plugins.promotiongates.core.artifact;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.approval.GateId;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.PolicyProblem;
import io.jenkins.plugins.promotiongates.core.policy.PolicyValidator;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import java.util.List;
import org.junit.Test;

/**
 * Names documented as "safe in every file system" (artifact names and versions) or that name files
 * (gate ids, environment names) refuse what Windows cannot store: device names and trailing dots.
 */
public class PortableNameTest {

    private static final List<String> UNSAFE =
            List.of("CON", "con", "Nul", "NUL.txt", "com1", "LPT9.tar.gz", "aux.jar", "prn", "app.", "1.0.");

    @Test
    public void deviceNamesAndTrailingDotsAreNamedAsSuch() {
        for (String name : UNSAFE) {
            assertTrue(name, PortableName.problem(name).isPresent());
        }
        assertThat(PortableName.problem("nul.txt").orElseThrow(), containsString("'NUL' is a device name on Windows"));
        assertThat(PortableName.problem("app.").orElseThrow(), containsString("trailing '.'"));
        for (String fine : List.of("console", "com10", "nullable.jar", "lpt", "app.jar", "1.0", "CONS")) {
            assertFalse(fine, PortableName.problem(fine).isPresent());
        }
    }

    @Test
    public void artifactCoordinatesRefuseThem() {
        for (String name : UNSAFE) {
            IllegalArgumentException e =
                    assertThrows(name, IllegalArgumentException.class, () -> new ArtifactCoordinates(name, "1.0"));
            assertThat(e.getMessage(), containsString("artifact file name '" + name + "'"));
            assertThat(e.getMessage(), containsString("Use a value such as app.tar.gz"));
        }
        IllegalArgumentException version =
                assertThrows(IllegalArgumentException.class, () -> new ArtifactCoordinates("app.jar", "1.0."));
        assertThat(version.getMessage(), containsString("version '1.0.'"));
    }

    @Test
    public void gateIdsRefuseThem() {
        for (String id : UNSAFE) {
            InvalidPolicyException e = assertThrows(id, InvalidPolicyException.class, () -> GateId.of(id, "prod"));
            assertEquals("id", e.problems().get(0).field());
        }
    }

    @Test
    public void environmentNamesRefuseThem() {
        for (String name : List.of("CON", "nul", "com1.eu", "prod.")) {
            List<PolicyProblem> problems =
                    PolicyValidator.problems(Environment.builder(name).build(), "");
            assertTrue(name, problems.stream().anyMatch(p -> p.field().equals("name")));
        }
    }

    @Test
    public void hugeOrControlValuesAreCutAndMadeVisibleInMessages() {
        String huge = "x".repeat(1_000_000);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ArtifactCoordinates(huge, "1.0"));
        assertThat(e.getMessage(), containsString("... (1000000 characters)"));
        assertTrue(e.getMessage().length() < 600);
        assertEquals("'a\\u001b[31m\\u202eb'", QuotedInput.of("a\u001b[31m\u202eb"));
        assertEquals("null (no value)", QuotedInput.of(null));
    }
}
