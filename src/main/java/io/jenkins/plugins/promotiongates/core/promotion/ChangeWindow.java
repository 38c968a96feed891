package io.jenkins.plugins.promotiongates.core.promotion;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * The builds of a job whose changes an environment has not received yet: every build after the one
 * that last promoted this job's application to the environment, newest first, the gated run always
 * included. Separation of duties excludes the authors of all of them, not only of the gated run.
 *
 * <p>The environment "received" the job's changes when its inventory last recorded a promotion of the
 * application by a build of this job. With no such promotion, every build of
 * the job counts. The walk is bounded by {@link #MAX_BUILDS}: older builds (and builds already
 * deleted) are not looked at, so their authors are not excluded.
 *
 * @param environment the environment the gate is for
 * @param job the gated run's job, by full name
 * @param deliveredBuild the number of the job's build that last promoted to the environment; 0 when none did
 */
public record ChangeWindow(String environment, String job, int deliveredBuild) {

    /** At most this many builds, the gated run included, are walked for change authors. */
    public static final int MAX_BUILDS = 100;

    public ChangeWindow {
        if (deliveredBuild < 0) {
            throw new IllegalArgumentException("A build number is at least 1, or 0 for none: " + deliveredBuild);
        }
    }

    /**
     * The window of {@code job}'s changes that {@code environment} has not received of {@code application},
     * from its inventory.
     */
    public static ChangeWindow of(Inventory inventory, String application, String environment, String job) {
        List<PromotionRecord> history = inventory.history(application, environment);
        for (int i = history.size() - 1; i >= 0; i--) {
            int number = buildOf(history.get(i).run(), job);
            if (number > 0) {
                return new ChangeWindow(environment, job, number);
            }
        }
        return new ChangeWindow(environment, job, 0);
    }

    /**
     * The builds whose changes count, from {@code gated} back through {@code previous} (which answers
     * {@code null} before the first build), newest first: the gated build always, then each earlier one
     * newer than the delivered build, at most {@link #MAX_BUILDS} in all.
     */
    public <B> List<B> builds(B gated, UnaryOperator<B> previous, ToIntFunction<B> number) {
        List<B> builds = new ArrayList<>();
        builds.add(gated);
        B build = previous.apply(gated);
        while (build != null && builds.size() < MAX_BUILDS && number.applyAsInt(build) > deliveredBuild) {
            builds.add(build);
            build = previous.apply(build);
        }
        return builds;
    }

    /** The build number of a record's run id ({@code job#number}) when the run is a build of {@code job}; else 0. */
    private static int buildOf(String runId, String job) {
        int hash = runId == null ? -1 : runId.lastIndexOf('#');
        if (hash < 0 || !runId.substring(0, hash).equals(job)) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(runId.substring(hash + 1)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
