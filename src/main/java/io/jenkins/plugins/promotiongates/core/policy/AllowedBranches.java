package io.jenkins.plugins.promotiongates.core.policy;

import java.util.List;

/** Checks a run's branch against an environment's allowed branch patterns; none means any branch. */
public final class AllowedBranches {

    private AllowedBranches() {}

    /**
     * @param patterns the environment's {@code allowedBranches}
     * @param branch the run's branch, or {@code null} when the run is not a branch build
     */
    public static Verdict check(List<String> patterns, String branch) {
        if (patterns == null) {
            throw new InvalidPolicyException(
                    "allowedBranches", "is missing; pass an empty list to let any branch promote, or list patterns");
        }
        if (patterns.isEmpty()) {
            return Verdict.pass("allowedBranches is empty: any branch may promote");
        }
        if (branch == null || branch.isBlank()) {
            return Verdict.fail("allowedBranches: this run has no branch, but only " + patterns
                    + " may promote; run the promotion from a multibranch job on an allowed branch");
        }
        for (String pattern : patterns) {
            if (new BranchGlob(pattern).matches(branch)) {
                return Verdict.pass("branch '" + branch + "' matches allowedBranches pattern '" + pattern + "'");
            }
        }
        return Verdict.fail("allowedBranches: branch '" + branch + "' matches none of " + patterns
                + "; promote from an allowed branch or ask an administrator to allow this one");
    }
}
