package hudson.model;

import org.kohsuke.stapler.HttpResponse;

public class AutoCompletionCandidates implements HttpResponse {

    public AutoCompletionCandidates add(String v) {
        throw new UnsupportedOperationException();
    }
}
