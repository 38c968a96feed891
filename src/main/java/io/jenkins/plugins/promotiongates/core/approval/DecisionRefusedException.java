package io.jenkins.plugins.promotiongates.core.approval;

/** A gate refused a decision; the message names the rule or setting that refuses it. Nothing was recorded. */
public final class DecisionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    DecisionRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
