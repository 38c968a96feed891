package io.jenkins.plugins.promotiongates.listeners;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.notify.GateNotice;

/**
 * Acts on the life of {@code requireApprovals} gates: opened, decided, reminder, closed
 * ({@link GateNotice#event()}). Implement it in any plugin, annotated {@code @Extension}, to tell people
 * through Slack, Teams or anything else; the plugin's e-mail and webhook notifiers are implementations too.
 *
 * <p>Listeners are called after the event is recorded in the audit, on a background thread, never on
 * the decision path: a slow or failing listener delays no build and no decision. A notice carries what
 * people need to act (release, environment, run, link to the gate page, who is asked to decide) and
 * nothing the policy keeps to itself. Send to {@link GateNotice#deciders()} only: nobody else may decide.
 */
public abstract class GateListener implements ExtensionPoint {

    /**
     * One event of a gate of {@code run}. Exceptions are logged and do not reach other listeners.
     *
     * @param run the run that waits (or waited) at the gate
     */
    public abstract void onEvent(Run<?, ?> run, GateNotice notice);

    /** Every listener of this controller. */
    public static ExtensionList<GateListener> all() {
        return ExtensionList.lookup(GateListener.class);
    }
}
