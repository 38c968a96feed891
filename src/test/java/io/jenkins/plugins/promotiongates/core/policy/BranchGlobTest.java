package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class BranchGlobTest {

    @Test
    public void literalMatchesOnlyItself() {
        BranchGlob main = new BranchGlob("main");
        assertTrue(main.matches("main"));
        assertFalse(main.matches("main2"));
        assertFalse(main.matches("xmain"));
        assertFalse(main.matches("Main"));
        assertFalse(main.matches(null));
    }

    @Test
    public void singleStarStaysInOneSegment() {
        BranchGlob release = new BranchGlob("release/*");
        assertTrue(release.matches("release/1.0"));
        assertTrue(release.matches("release/"));
        assertFalse(release.matches("release/1.0/hotfix"));
        assertFalse(release.matches("release"));
        assertFalse(release.matches("prerelease/1.0"));
    }

    @Test
    public void doubleStarCrossesSegments() {
        BranchGlob release = new BranchGlob("release/**");
        assertTrue(release.matches("release/1.0"));
        assertTrue(release.matches("release/1.0/hotfix"));
        assertFalse(release.matches("release"));
        assertTrue(new BranchGlob("**").matches("feature/a/b"));
        assertTrue(new BranchGlob("**/fix").matches("team/a/fix"));
        assertFalse(new BranchGlob("*/fix").matches("team/a/fix"));
    }

    @Test
    public void questionMarkIsOneCharacterInASegment() {
        BranchGlob hotfix = new BranchGlob("hotfix-?");
        assertTrue(hotfix.matches("hotfix-1"));
        assertFalse(hotfix.matches("hotfix-12"));
        assertFalse(hotfix.matches("hotfix-/"));
    }

    @Test
    public void regexCharactersAreLiteral() {
        assertTrue(new BranchGlob("feat+x.(1)[a]").matches("feat+x.(1)[a]"));
        assertFalse(new BranchGlob("v1.0").matches("v1x0"));
        assertFalse(new BranchGlob("a|b").matches("a"));
        assertTrue(new BranchGlob("\\Q*\\E").matches("\\Qanything\\E"));
    }

    @Test
    public void blankPatternIsRefusedNamingTheSetting() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> new BranchGlob("  "));
        assertEquals("allowedBranches", e.problems().get(0).field());
    }

    @Test
    public void allowedBranchesExplainsTheVerdict() {
        List<String> patterns = List.of("main", "release/*");
        assertTrue(AllowedBranches.check(patterns, "release/2.1").passed());
        assertThat(AllowedBranches.check(patterns, "release/2.1").message(), containsString("'release/*'"));
        Verdict feature = AllowedBranches.check(patterns, "feature/x");
        assertFalse(feature.passed());
        assertThat(
                feature.message(),
                containsString("allowedBranches: branch 'feature/x' matches none of [main, release/*]"));
        Verdict noBranch = AllowedBranches.check(patterns, null);
        assertFalse(noBranch.passed());
        assertThat(noBranch.message(), containsString("this run has no branch"));
        assertTrue(AllowedBranches.check(List.of(), null).passed());
    }
}
