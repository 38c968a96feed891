package io.jenkins.plugins.promotiongates.ui;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Action;
import hudson.model.RootAction;
import hudson.model.TransientViewActionFactory;
import hudson.model.View;
import io.jenkins.plugins.promotiongates.gates.PendingApprovals;
import java.util.ArrayList;
import java.util.List;
import jenkins.management.Badge;

/**
 * The <em>Promotions</em> and <em>My approvals</em> links in the side panel of the Jenkins home
 * page (and of every other view), where the docs promise them; <em>My approvals</em> with the number
 * of gates waiting for the current user. Jenkins lists root actions only in the
 * header's menu; a view's side panel lists the actions its {@link TransientViewActionFactory}s give.
 */
@Extension
public final class HomePageLinks extends TransientViewActionFactory {

    @Override
    public List<Action> createFor(View v) {
        return links(
                ExtensionList.lookupSingleton(PromotionsPage.class),
                ExtensionList.lookupSingleton(PendingApprovals.class));
    }

    /** One side-panel link to each page, in this order. */
    static List<Action> links(RootAction... pages) {
        List<Action> links = new ArrayList<>();
        for (RootAction page : pages) {
            links.add(new SidePanelLink(page));
        }
        return links;
    }

    /**
     * A link from a view's side panel to a page at the Jenkins root: the page's name and icon, and its
     * URL from the root (a URL name starting with {@code /}), so that it works from any view.
     */
    public static final class SidePanelLink implements Action {

        private final RootAction page;

        SidePanelLink(RootAction page) {
            this.page = page;
        }

        @Override
        public String getIconFileName() {
            return page.getIconFileName();
        }

        @Override
        public String getDisplayName() {
            return page.getDisplayName();
        }

        @Override
        public String getUrlName() {
            return "/" + page.getUrlName() + "/";
        }

        /** The page's badge, such as how many gates wait for the current user; {@code null} for none. */
        public @CheckForNull Badge getBadge() {
            return page.getBadge();
        }
    }
}
