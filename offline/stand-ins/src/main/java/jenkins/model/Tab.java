package jenkins.model;

import hudson.model.Action;
import hudson.model.Actionable;

/** Stand-in: jenkins.model.Tab (core), the supertype of the JUnit plugin's test result action. */
public abstract class Tab implements Action, Badgeable {

    protected transient Actionable object;

    public Tab(Actionable object) {
        this.object = object;
    }
}
