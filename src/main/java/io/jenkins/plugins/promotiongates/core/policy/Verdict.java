package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;

/**
 * The outcome of one policy check (branch, change window, soak time).
 *
 * @param passed whether the check holds
 * @param message why it holds or fails, and when failing, what would make it hold
 */
public record Verdict(boolean passed, String message) implements Serializable {

    public static Verdict pass(String message) {
        return new Verdict(true, message);
    }

    public static Verdict fail(String message) {
        return new Verdict(false, message);
    }
}
