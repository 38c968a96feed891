package io.jenkins.plugins.promotiongates.gates;

import static org.junit.Assert.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * A refused decision is answered with its status and the reason as plain text, exactly as written. It
 * needs the real Stapler classes (a stand-in cannot be constructed), so it runs in the plugin build.
 */
public class PlainTextRefusalJenkinsTest {

    @Test
    public void theReasonIsWrittenAsPlainTextWithItsStatus() throws Exception {
        Map<String, Object> set = new HashMap<>();
        StringWriter body = new StringWriter();
        StaplerResponse2 response = (StaplerResponse2) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {StaplerResponse2.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> set.put("status", args[0]);
                        case "setContentType" -> set.put("type", args[0]);
                        case "getWriter" -> {
                            return new PrintWriter(body);
                        }
                        default -> throw new AssertionError("unexpected call " + method.getName());
                    }
                    return null;
                });
        String reason = "User 'alice' started this run & may not approve <here>: "
                + "environments[production].starterMayNotApprove";

        new PlainTextRefusal(403, reason).generateResponse(null, response, null);

        assertEquals(403, set.get("status"));
        assertEquals("text/plain;charset=UTF-8", set.get("type"));
        assertEquals(reason + System.lineSeparator(), body.toString());
    }
}
