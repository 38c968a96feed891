package io.jenkins.plugins.promotiongates.core.release;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.release.FileSelection.SelectedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class FileSelectionTest {

    private static final ReleaseSource FILES =
            ReleaseSource.required("promoteArtifact", "", "dist/*.tar.gz, dist/sbom.json", "");

    private static Map<String, List<String>> matches(List<String> tarballs, List<String> sbom) {
        Map<String, List<String>> matches = new LinkedHashMap<>();
        matches.put("dist/*.tar.gz", tarballs);
        matches.put("dist/sbom.json", sbom);
        return matches;
    }

    @Test
    public void filesAreNamedByTheirLastSegmentSortedAndTakenOnce() {
        List<SelectedFile> selected = FileSelection.select(
                FILES,
                matches(List.of("dist/web.tar.gz", "dist/api.tar.gz", "dist/sbom.json"), List.of("dist/sbom.json")),
                "the workspace");
        assertEquals(
                List.of(
                        new SelectedFile("dist/api.tar.gz", "api.tar.gz"),
                        new SelectedFile("dist/sbom.json", "sbom.json"),
                        new SelectedFile("dist/web.tar.gz", "web.tar.gz")),
                selected);
    }

    @Test
    public void aPatternThatMatchesNothingIsNamedWithWhereItLooked() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> FileSelection.select(FILES, matches(List.of("dist/a.tar.gz"), List.of()), "the workspace"));
        assertThat(
                refused.getMessage(),
                containsString("files: the pattern 'dist/sbom.json' matched no file in the" + " workspace"));
        ReleaseSource archived = ReleaseSource.required("promoteArtifact", "", "", "dist/*");
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> FileSelection.select(archived, Map.of(), "the run's archived artifacts"))
                        .getMessage(),
                containsString("that archiveArtifacts archived the files earlier in this run"));
    }

    @Test
    public void twoFilesWithOneNameAreRefusedNamingBothPaths() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> FileSelection.select(
                        FILES,
                        matches(List.of("dist/a/app.tar.gz", "dist/b/app.tar.gz"), List.of("dist/sbom.json")),
                        "the workspace"));
        assertThat(
                refused.getMessage(),
                containsString("'dist/a/app.tar.gz' and 'dist/b/app.tar.gz' are both named" + " 'app.tar.gz'"));
        assertThat(refused.getMessage(), containsString("Narrow the patterns"));
    }

    @Test
    public void aNameNoRepositoryCanHoldIsRefused() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> FileSelection.select(
                        FILES, matches(List.of("dist/my app.tar.gz"), List.of("dist/sbom.json")), "the workspace"));
        assertThat(refused.getMessage(), containsString("'dist/my app.tar.gz' has the file name 'my app.tar.gz'"));
        assertThrows(IllegalArgumentException.class, () -> FileSelection.single("artifact", "dist/.hidden"));
        assertEquals(
                "app.tar.gz",
                FileSelection.single("artifact", "dist/app.tar.gz").name());
    }

    @Test
    public void aListedPathOutsideTheTreeIsRefused() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> FileSelection.select(
                        FILES, matches(List.of("../outside/app.tar.gz"), List.of("dist/sbom.json")), "the workspace"));
        assertThat(refused.getMessage(), containsString("was answered with a path that is not inside its tree"));
    }

    @Test
    public void moreThanAReleaseMayHaveIsRefused() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= Release.MAX_FILES; i++) {
            many.add("dist/f" + i + ".tar.gz");
        }
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> FileSelection.select(
                                        FILES, matches(many, List.of("dist/sbom.json")), "the workspace"))
                        .getMessage(),
                containsString("match more than " + Release.MAX_FILES + " files in the workspace"));
    }
}
