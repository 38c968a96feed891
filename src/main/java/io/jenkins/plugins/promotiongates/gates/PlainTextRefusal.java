package io.jenkins.plugins.promotiongates.gates;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * A refused decision, answered as the docs promise: the status and the engine's reason as plain UTF-8
 * text, so a script or a browser reads the reason as written (no servlet error page around it, no HTML
 * entities in it).
 */
final class PlainTextRefusal extends HttpResponses.HttpResponseException {

    private static final long serialVersionUID = 1L;

    private final int status;

    PlainTextRefusal(int status, String reason) {
        super(reason);
        this.status = status;
    }

    int status() {
        return status;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        rsp.setStatus(status);
        rsp.setContentType("text/plain;charset=UTF-8");
        PrintWriter writer = rsp.getWriter();
        writer.println(getMessage());
        writer.flush();
    }
}
