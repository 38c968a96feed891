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

    @Test
    public void hostileStarsMatchInLinearTime() {
        // With a backtracking regex built from the glob, this took exponential time and hung the controller.
        String pattern = "**a".repeat(80) + "b";
        String branch = "a".repeat(10_000);
        long start = System.nanoTime();
        assertFalse(new BranchGlob(pattern).matches(branch));
        assertFalse(new BranchGlob("*a".repeat(120) + "b").matches(branch));
        assertTrue(new BranchGlob("**a".repeat(80)).matches(branch));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue("took " + millis + " ms", millis < 2_000);
    }

    @Test
    public void overlongPatternIsRefusedNamingTheSettingAndTheLimit() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> new BranchGlob("a".repeat(257)));
        assertEquals("allowedBranches", e.problems().get(0).field());
        assertThat(e.getMessage(), containsString("at most 256"));
        assertTrue(new BranchGlob("a".repeat(256)).matches("a".repeat(256)));
    }

    @Test
    public void missingPatternListIsAnErrorNamingTheSetting() {
        InvalidPolicyException e =
                assertThrows(InvalidPolicyException.class, () -> AllowedBranches.check(null, "main"));
        assertEquals("allowedBranches", e.problems().get(0).field());
    }

    /** The linear matcher agrees with the glob's definition (a regex, fine on short inputs) on random cases. */
    @Test
    public void agreesWithTheRegexDefinitionOnRandomShortInputs() {
        long seed = Long.getLong("fuzz.seed", 0x6A0B1L);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int n = 0; n < 3_000; n++) {
            String pattern = randomText(random, "ab/*?.", 1 + random.nextInt(8));
            String branch = randomText(random, "ab/.", random.nextInt(10));
            if (pattern.isBlank()) {
                continue;
            }
            boolean expected = java.util.regex.Pattern.compile(regexOf(pattern), java.util.regex.Pattern.DOTALL)
                    .matcher(branch)
                    .matches();
            assertEquals(
                    "seed " + seed + " case " + n + ": '" + pattern + "' vs '" + branch + "'",
                    expected,
                    new BranchGlob(pattern).matches(branch));
        }
    }

    private static String randomText(java.util.SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String regexOf(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '?') {
                regex.append("[^/]");
            } else if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
