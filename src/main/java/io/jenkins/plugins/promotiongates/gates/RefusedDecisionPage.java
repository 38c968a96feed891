package io.jenkins.plugins.promotiongates.gates;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * A decision refused from the gate's page: the refusal's status, and the gate's page with the engine's
 * reason above everything, so that the person reads why in the page they decided on (not a bare error).
 */
final class RefusedDecisionPage implements HttpResponse {

    private final int status;
    private final GatePage page;

    RefusedDecisionPage(int status, GatePage page) {
        this.status = status;
        this.page = page;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        rsp.setStatus(status);
        HttpResponses.forwardToView(page, "index.jelly").generateResponse(req, rsp, node);
    }
}
