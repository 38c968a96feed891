package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.policy.Verdict;

/**
 * The outcome of one gate.
 *
 * @param gate which gate
 * @param passed whether it holds
 * @param message why it holds or fails, naming the inputs and settings involved
 * @param remedy when failing, what would make it hold; empty when passing
 */
public record GateResult(Gate gate, boolean passed, String message, String remedy) {

    /**
     * A message that begins with the gate's own label (a policy check's verdict names its setting,
     * {@code soakTime: ...}) loses that prefix: {@link #line()} adds the label once for every gate.
     */
    public GateResult {
        remedy = remedy == null ? "" : remedy;
        String prefix = gate.label() + ": ";
        if (message != null && message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
    }

    public static GateResult pass(Gate gate, String message) {
        return new GateResult(gate, true, message, "");
    }

    public static GateResult fail(Gate gate, String message, String remedy) {
        return new GateResult(gate, false, message, remedy);
    }

    /**
     * A policy check's verdict. Failing verdicts read {@code reason; remedy}: the text after the last
     * {@code "; "} is the remedy.
     */
    public static GateResult of(Gate gate, Verdict verdict) {
        if (verdict.passed()) {
            return pass(gate, verdict.message());
        }
        String text = verdict.message();
        int split = text.lastIndexOf("; ");
        return split < 0 ? fail(gate, text, "") : fail(gate, text.substring(0, split), text.substring(split + 2));
    }

    /** One line: {@code [FAIL] approvals: reason. Remedy: ...}. */
    public String line() {
        return (passed ? "[ok]   " : "[FAIL] ") + gate.label() + ": " + message
                + (remedy.isEmpty() ? "" : ". Remedy: " + remedy);
    }
}
