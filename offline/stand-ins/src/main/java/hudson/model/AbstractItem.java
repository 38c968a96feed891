package hudson.model;

public abstract class AbstractItem implements Item {

    public final String getFullName() {
        throw new UnsupportedOperationException();
    }
}
