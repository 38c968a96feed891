package io.jenkins.plugins.promotiongates.core.artifact;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** What an agent listed is used only under the workspace, and only as a relative path that stays inside. */
public class ListedPathTest {

    @Test
    public void aPathUnderTheWorkspaceBecomesRelativeWithSlashes() throws Exception {
        assertEquals("dist/app.tar.gz", ListedPath.relative("/home/agent/ws", "/home/agent/ws/dist/app.tar.gz"));
        assertEquals("dist/app.tar.gz", ListedPath.relative("/home/agent/ws/", "/home/agent/ws/dist/app.tar.gz"));
        assertEquals("dist/app.zip", ListedPath.relative("C:\\ws", "C:\\ws\\dist\\app.zip"));
    }

    @Test
    public void aPathElsewhereIsRefusedNamingItAndTheWorkspace() {
        for (String listed : new String[] {"/home/agent/ws2/x", "/etc/passwd", "/home/agent/ws", "/home/agent/ws/"}) {
            ArtifactPathException refused =
                    assertThrows(ArtifactPathException.class, () -> ListedPath.relative("/home/agent/ws", listed));
            assertThat(refused.getMessage(), containsString("'" + listed + "'"));
            assertThat(refused.getMessage(), containsString("not inside the workspace /home/agent/ws"));
        }
    }

    @Test
    public void aRelativePartThatLeadsOutIsRefused() {
        ArtifactPathException refused = assertThrows(
                ArtifactPathException.class, () -> ListedPath.relative("/ws", "/ws/dist/../../etc/passwd"));
        assertThat(refused.getMessage(), containsString("'..'"));
        assertThrows(ArtifactPathException.class, () -> ListedPath.relative("", "/ws/x"));
        assertThrows(ArtifactPathException.class, () -> ListedPath.relative("/ws", null));
    }
}
