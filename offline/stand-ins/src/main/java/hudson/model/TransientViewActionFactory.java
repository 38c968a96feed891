package hudson.model;

import hudson.ExtensionPoint;
import java.util.List;

public abstract class TransientViewActionFactory implements ExtensionPoint {

    public abstract List<Action> createFor(View v);
}
