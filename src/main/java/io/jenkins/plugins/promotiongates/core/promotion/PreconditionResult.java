package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.policy.Verdict;

/**
 * The outcome of one precondition of a promotion.
 *
 * @param precondition which precondition
 * @param passed whether it holds
 * @param message why it holds or fails, naming the inputs and settings involved
 * @param remedy when failing, what would make it hold; empty when passing
 */
public record PreconditionResult(Precondition precondition, boolean passed, String message, String remedy) {

    /**
     * A message that begins with the precondition's own label (a policy check's verdict names its setting,
     * {@code soakTime: ...}) loses that prefix: {@link #line()} adds the label once for every precondition.
     */
    public PreconditionResult {
        remedy = remedy == null ? "" : remedy;
        String prefix = precondition.label() + ": ";
        if (message != null && message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
    }

    public static PreconditionResult pass(Precondition precondition, String message) {
        return new PreconditionResult(precondition, true, message, "");
    }

    public static PreconditionResult fail(Precondition precondition, String message, String remedy) {
        return new PreconditionResult(precondition, false, message, remedy);
    }

    /**
     * A policy check's verdict. Failing verdicts read {@code reason; remedy}: the text after the last
     * {@code "; "} is the remedy.
     */
    public static PreconditionResult of(Precondition precondition, Verdict verdict) {
        if (verdict.passed()) {
            return pass(precondition, verdict.message());
        }
        String text = verdict.message();
        int split = text.lastIndexOf("; ");
        return split < 0
                ? fail(precondition, text, "")
                : fail(precondition, text.substring(0, split), text.substring(split + 2));
    }

    /** One line: {@code [FAIL] approvals: reason. Remedy: ...}. */
    public String line() {
        return (passed ? "[ok]   " : "[FAIL] ") + precondition.label() + ": " + message
                + (remedy.isEmpty() ? "" : ". Remedy: " + remedy);
    }
}
