package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.util.Collection;

public class User {

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public <T extends UserProperty> T getProperty(Class<T> clazz) {
        throw new UnsupportedOperationException();
    }

    public static @Nullable User getById(String id, boolean create) {
        throw new UnsupportedOperationException();
    }

    public static @NonNull Collection<User> getAll() {
        throw new UnsupportedOperationException();
    }
}
