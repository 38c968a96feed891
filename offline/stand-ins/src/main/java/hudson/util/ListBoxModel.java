package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.kohsuke.stapler.HttpResponse;

public class ListBoxModel implements HttpResponse {

    public ListBoxModel add(@NonNull String nameAndValue) {
        throw new UnsupportedOperationException();
    }
}
