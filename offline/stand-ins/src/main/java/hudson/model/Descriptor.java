package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.GlobalConfigurationCategory;
import org.kohsuke.stapler.HttpResponse;

public abstract class Descriptor<T extends Describable<T>> implements Saveable {

    protected Descriptor() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public @NonNull GlobalConfigurationCategory getCategory() {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() {
        throw new UnsupportedOperationException();
    }

    public synchronized void load() {
        throw new UnsupportedOperationException();
    }

    public static final class FormException extends Exception implements HttpResponse {

        public FormException(String message, String formField) {
            throw new UnsupportedOperationException();
        }
    }
}
