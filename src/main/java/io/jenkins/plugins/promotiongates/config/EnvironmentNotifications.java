package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.promotiongates.core.notify.WebhookTarget;
import io.jenkins.plugins.promotiongates.core.policy.DurationText;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.PolicyProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An environment's notification settings (reminder lead time, webhooks) as the notifiers use them. They are
 * checked with the policy when the configuration is saved, but are not part of it.
 */
public final class EnvironmentNotifications {

    private EnvironmentNotifications() {}

    /**
     * @throws InvalidPolicyException naming every notification setting of {@code environment} that cannot be used
     */
    static void check(EnvironmentConfig environment) {
        List<PolicyProblem> problems = new ArrayList<>();
        try {
            reminderBefore(environment);
        } catch (InvalidPolicyException e) {
            problems.addAll(e.problems());
        }
        try {
            webhooks(environment);
        } catch (InvalidPolicyException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
    }

    /** The configured environment named {@code name}, or {@code null}. */
    public static @CheckForNull EnvironmentConfig of(String name) {
        return PromotionGatesConfiguration.get().getEnvironments().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The reminder lead time, or {@code null} for none. */
    public static @CheckForNull Duration reminderBefore(EnvironmentConfig environment) {
        String text = environment.getReminderBefore();
        return text.isEmpty()
                ? null
                : DurationText.parse("environments[" + environment.getName() + "].reminderBefore", text);
    }

    /**
     * Where the environment's gate events go.
     *
     * @throws InvalidPolicyException naming every webhook setting that cannot be used
     */
    public static List<WebhookTarget> webhooks(EnvironmentConfig environment) {
        List<WebhookTarget> targets = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        List<WebhookConfig> webhooks = environment.getWebhooks();
        for (int i = 0; i < webhooks.size(); i++) {
            try {
                targets.add(webhooks.get(i).toTarget(environment.getName(), i));
            } catch (InvalidPolicyException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return targets;
    }
}
