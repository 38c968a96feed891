package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

public class ForwardToView extends RuntimeException implements HttpResponse {

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException();
    }
}
