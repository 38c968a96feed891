package io.jenkins.plugins.promotiongates.core.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every environment the administrator defined: the whole admin-owned policy.
 *
 * @param environments in the order the administrator listed them
 */
public record PromotionPolicy(List<Environment> environments) {

    public PromotionPolicy {
        environments = List.copyOf(environments == null ? List.of() : environments);
    }

    /** The environment called {@code name}, exactly as spelled. */
    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * The environment called {@code name}.
     *
     * @throws InvalidPolicyException naming the unknown environment and the known ones
     */
    public Environment require(String name) {
        return environment(name)
                .orElseThrow(() -> new InvalidPolicyException(
                        "environment",
                        "'" + name + "' is not an environment defined in Manage Jenkins; known environments: "
                                + names()));
    }

    /** Names of all environments, in order. */
    public List<String> names() {
        return environments.stream().map(Environment::name).toList();
    }

    /** Everything wrong with every environment, plus duplicate names and unknown {@code promotedFrom} references. */
    public List<PolicyProblem> problems() {
        List<PolicyProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> known = new HashSet<>(names());
        for (int i = 0; i < environments.size(); i++) {
            Environment environment = environments.get(i);
            String prefix =
                    "environments[" + (environment.name().isEmpty() ? String.valueOf(i) : environment.name()) + "].";
            if (!environment.name().isEmpty() && !seen.add(environment.name())) {
                problems.add(
                        new PolicyProblem(prefix + "name", "is defined twice; give each environment its own name"));
            }
            problems.addAll(PolicyValidator.problems(environment, prefix));
            for (String source : environment.promotedFrom()) {
                if (!known.contains(source)) {
                    problems.add(new PolicyProblem(
                            prefix + "promotedFrom",
                            "'" + source + "' is not a defined environment; define it or remove it from promotedFrom"));
                }
            }
        }
        return problems;
    }

    /** @throws InvalidPolicyException listing every problem, if there is any */
    public PromotionPolicy requireValid() {
        List<PolicyProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return this;
    }
}
