package io.jenkins.plugins.promotiongates.core.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class FilePatternsTest {

    @Test
    public void commaSeparatedPatternsAreTrimmedKeptInOrderAndOnce() {
        assertEquals(
                List.of("dist/*.tar.gz", "dist/sbom.json"),
                FilePatterns.parse("files", " dist/*.tar.gz ,dist/sbom.json, dist/*.tar.gz"));
        assertEquals(List.of("dist/**"), FilePatterns.parse("archived", "dist/**"));
    }

    @Test
    public void eachWayOutOfTheTreeIsRefusedNamingParameterPatternAndRemedy() {
        String[][] cases = {
            {"/etc/*", "is absolute"},
            {"C:/dist/*", "is absolute"},
            {"dist/../../*", "has a '..' segment"},
            {"..", "has a '..' segment"},
            {"dist\\*.zip", "uses '\\'"},
            {"dist/\u0000x", "control character"},
        };
        for (String[] c : cases) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> FilePatterns.parse("files", c[0]));
            assertThat(refused.getMessage(), containsString("files: the pattern "));
            assertThat(refused.getMessage(), containsString(c[1]));
            assertThat(refused.getMessage(), containsString("such as files: 'dist/*.tar.gz, dist/sbom.json'"));
        }
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> FilePatterns.parse("archived", "/x"))
                        .getMessage(),
                containsString("inside the run's archived artifacts"));
    }

    @Test
    public void emptyListsAndEmptyPatternsAreRefused() {
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> FilePatterns.parse("files", " "))
                        .getMessage(),
                containsString("files: is empty"));
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> FilePatterns.parse("files", "a,,b"))
                        .getMessage(),
                containsString("has an empty pattern between two commas"));
        assertThrows(IllegalArgumentException.class, () -> FilePatterns.parse("files", "a,"));
    }

    @Test
    public void tooManyPatternsAreRefused() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= FilePatterns.MAX_PATTERNS; i++) {
            many.append(i == 0 ? "" : ",").append("d").append(i);
        }
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> FilePatterns.parse("files", many.toString()))
                        .getMessage(),
                containsString("lists " + (FilePatterns.MAX_PATTERNS + 1) + " patterns; at most "));
    }
}
