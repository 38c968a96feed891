package io.jenkins.plugins.promotiongates.ui;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import hudson.model.Action;
import io.jenkins.plugins.promotiongates.gates.PendingApprovals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** The home page's side panel links to the pages the docs say it links to, by the names they use. */
public class HomePageLinksTest {

    @Test
    public void theSidePanelLinksToPromotionsAndMyApprovalsFromTheRoot() {
        List<Action> links = HomePageLinks.links(new PromotionsPage(), new PendingApprovals());
        assertEquals(2, links.size());
        assertEquals("Promotions", links.get(0).getDisplayName());
        assertEquals("/promotions/", links.get(0).getUrlName());
        assertEquals("symbol-play", links.get(0).getIconFileName());
        assertEquals("My approvals", links.get(1).getDisplayName());
        assertEquals("/promotion-approvals/", links.get(1).getUrlName());
        assertEquals("symbol-people", links.get(1).getIconFileName());
    }

    @Test
    public void theDocsNameTheLinksAsTheSidePanelShowsThem() throws Exception {
        Path root = Path.of(System.getProperty("promotiongates.sources.root", "."));
        assertThat(
                Files.readString(root.resolve("docs/promotion.md"), StandardCharsets.UTF_8),
                containsString("(the **" + new PromotionsPage().getDisplayName()
                        + "** link in the side panel of the Jenkins home page"));
        assertThat(
                Files.readString(root.resolve("docs/approvals.md"), StandardCharsets.UTF_8),
                containsString("**" + new PendingApprovals().getDisplayName() + "** (`JENKINS_URL/"
                        + new PendingApprovals().getUrlName() + "/`, also in the side panel of the"));
    }
}
