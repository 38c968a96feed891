package io.jenkins.plugins.promotiongates.gates;

import static org.junit.Assert.assertEquals;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/**
 * What a gate writes to the console, as far as it can be checked without a controller: the links line
 * (with a stand-in for {@code HyperlinkNote}) and the close reason printed once.
 */
public class GateConsoleTest {

    @Test
    public void theTwoLinksComeOnTheirOwnLineSeparated() {
        String line = GateLinks.consoleLinks("job/app/42/", "release", (url, text) -> "<" + url + "|" + text + ">");
        assertEquals(
                "[Promotion Gates] <" + "/job/app/42/approvals/release/|Approve or reject>" + " | <"
                        + "/promotion-approvals/|All approvals waiting for you>",
                line);
    }

    @Test
    public void theCloseReasonIsPrintedOnceNotAgainWhenTheBuildEnds() {
        GateClosedInterruption why =
                new GateClosedInterruption("Approval gate 'release' for production rejected by bob: not yet");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        TaskListener listener = () -> out;
        why.print(listener);
        assertEquals("", console.toString(StandardCharsets.UTF_8));
        assertEquals("Approval gate 'release' for production rejected by bob: not yet", why.getShortDescription());
    }
}
