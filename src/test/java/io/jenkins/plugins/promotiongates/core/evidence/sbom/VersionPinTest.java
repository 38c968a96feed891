package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

/** Exact versions pass; the range, wildcard and moving-tag forms of npm, Maven, Gradle and pip do not. */
public class VersionPinTest {

    @Test
    public void exactVersionsArePinned() {
        for (String version : new String[] {
            "4.13.2", "2.22", "1.0.0-beta.2+exp.sha.5114f85", "2024.05.1", "1.3", "0.0.1-x86", "v2", "2.0.0.RELEASE"
        }) {
            assertEquals(version, Optional.empty(), VersionPin.problem(version));
        }
    }

    @Test
    public void rangesWildcardsAndTagsAreNot() {
        String[][] cases = {
            {"^1.2", "starts with '^', a range operator"},
            {"~1.2", "starts with '~', a range operator"},
            {">=1.2", "starts with '>', a range operator"},
            {"<2", "starts with '<', a range operator"},
            {"=1.2", "starts with '=', a range operator"},
            {"[1.0,2.0)", "is a Maven version range"},
            {"(,1.0]", "is a Maven version range"},
            {"1.2 - 2.0", "is a list or range of versions"},
            {"1 || 2", "is a list or range of versions"},
            {"*", "has a wildcard (x, *, +) where a number should be"},
            {"1.x", "has a wildcard (x, *, +) where a number should be"},
            {"1.2.X", "has a wildcard (x, *, +) where a number should be"},
            {"1.+", "has a wildcard (x, *, +) where a number should be"},
            {"+", "has a wildcard (x, *, +) where a number should be"},
            {"LATEST", "is a moving tag"},
            {"latest", "is a moving tag"},
            {"2.0-SNAPSHOT", "is a SNAPSHOT, which changes from build to build"},
            {"", "has no version"},
        };
        for (String[] c : cases) {
            assertEquals(c[0], Optional.of(c[1]), VersionPin.problem(c[0]));
        }
        assertTrue(VersionPin.problem(null).isPresent());
    }
}
