package io.jenkins.plugins.promotiongates.steps;

import static org.junit.Assert.assertEquals;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** What a closed gate writes to the console when it stops the run: its close reason, printed once. */
public class GateClosedInterruptionTest {

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
