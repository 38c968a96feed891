package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class AbstractItem implements Item {

    @Override
    public @NonNull ItemGroup getParent() {
        throw new UnsupportedOperationException();
    }

    public final String getFullName() {
        throw new UnsupportedOperationException();
    }
}
