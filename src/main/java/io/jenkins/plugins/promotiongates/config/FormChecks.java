package io.jenkins.plugins.promotiongates.config;

import hudson.model.AutoCompletionCandidates;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentFields;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.Jenkins;

/**
 * The policy form's checks and pickers: each checks Overall/Administer first, then turns the engine's
 * answer (a problem or {@code null}) into a form message, so the form says what saving says.
 */
final class FormChecks {

    private FormChecks() {}

    /** An error where saving would refuse the value. */
    static FormValidation error(Supplier<String> problem) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String text = problem.get();
        return text == null ? FormValidation.ok() : FormValidation.error(text);
    }

    /** An error where saving would refuse the value, else a warning where a later check would. */
    static FormValidation errorOrWarning(Supplier<String> problem, Supplier<String> warning) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String text = problem.get();
        if (text != null) {
            return FormValidation.error(text);
        }
        String later = warning.get();
        return later == null ? FormValidation.ok() : FormValidation.warning(later);
    }

    /** The {@code names} that complete the last name typed in a comma-separated list. */
    static AutoCompletionCandidates completions(String typed, List<String> names) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        AutoCompletionCandidates candidates = new AutoCompletionCandidates();
        EnvironmentFields.completions(typed, names).forEach(candidates::add);
        return candidates;
    }

    /** The names of the saved environments, in the administrator's order. */
    static List<String> environmentNames() {
        return PromotionGatesConfiguration.get().getEnvironments().stream()
                .map(EnvironmentConfig::getName)
                .toList();
    }

    /** The names of the saved trusted keys, in the administrator's order. */
    static List<String> trustedKeyNames() {
        return PromotionGatesConfiguration.get().getTrustedKeys().stream()
                .map(TrustedKeyEntry::getName)
                .toList();
    }
}
