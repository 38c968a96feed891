package io.jenkins.plugins.promotiongates.gates;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/**
 * What a gate writes to the console, as far as it can be checked without a controller: the links line
 * (with a stand-in for {@code HyperlinkNote}). The close reason: {@code steps.GateClosedInterruptionTest}.
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
}
