package jenkins.scm.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Item;

public class SCMHead {

    @NonNull
    public String getName() {
        throw new UnsupportedOperationException();
    }

    public abstract static class HeadByItem implements ExtensionPoint {

        @CheckForNull
        public static SCMHead findHead(Item item) {
            throw new UnsupportedOperationException();
        }
    }
}
