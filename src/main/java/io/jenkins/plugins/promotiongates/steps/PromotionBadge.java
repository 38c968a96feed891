package io.jenkins.plugins.promotiongates.steps;

import hudson.model.BuildBadgeAction;

/**
 * The badge beside a run that promoted something: {@code → production 1.4.0}. Saved with the run; a run
 * that promotes several times has one badge per promotion.
 */
public final class PromotionBadge implements BuildBadgeAction {

    private final String environment;
    private final String version;
    private final boolean noop;

    PromotionBadge(String environment, String version, boolean noop) {
        this.environment = environment;
        this.version = version;
        this.noop = noop;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getVersion() {
        return version;
    }

    /** Whether the target already held this version (nothing was written). */
    public boolean isNoop() {
        return noop;
    }

    /** {@code → production 1.4.0}. */
    public String getText() {
        return Messages.PromotionBadge_Text(environment, version);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return getText();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
