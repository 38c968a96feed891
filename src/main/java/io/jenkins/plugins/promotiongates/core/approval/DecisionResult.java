package io.jenkins.plugins.promotiongates.core.approval;

/**
 * What a decision call did.
 *
 * @param decision the decision recorded, or for a no-op the earlier one that still stands
 * @param recorded whether this call recorded a new decision (false: a repeated, still valid approval)
 * @param state the gate's state after the call
 */
public record DecisionResult(Decision decision, boolean recorded, GateState state) {}
