package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;

/**
 * One thing wrong with an administrator's policy or a step's arguments.
 *
 * @param field the setting at fault, as a path such as {@code environments[production].approvalRules[0].count}
 * @param message what is wrong and how to fix it
 */
public record PolicyProblem(String field, String message) implements Serializable {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
