package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionPoint;
import jenkins.management.Badge;

public interface RootAction extends Action, ExtensionPoint {

    default @CheckForNull Badge getBadge() {
        throw new UnsupportedOperationException();
    }
}
