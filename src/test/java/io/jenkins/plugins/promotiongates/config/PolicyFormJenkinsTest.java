package io.jenkins.plugins.promotiongates.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.runs.RealmIdentity;
import java.net.URL;
import java.time.ZoneId;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The policy form in Manage Jenkins » Security: trusted keys before environments, the preview of each
 * environment's effective policy with its digest, the checks while typing (POST, administrators only,
 * saying what saving says), the pickers, and break-glass as one setting surviving a save. Read as an
 * administrator, an approver and someone with Overall/Read only. Engine twins: {@code EnvironmentFieldsTest},
 * {@code PolicyInWordsTest}, {@code BreakGlassConfigTest}; offline twin of the permission checks:
 * {@code FormEndpointsTest}.
 */
public class PolicyFormJenkinsTest {

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    private void secure() {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("alice")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
    }

    /** A crumbed POST of a descriptor's form method as {@code user}; its status and body. */
    private String post(JenkinsRule.WebClient client, Class<?> describable, String method, int status)
            throws Exception {
        WebRequest request = new WebRequest(
                new URL(j.getURL(), "descriptorByName/" + describable.getName() + "/" + method), HttpMethod.POST);
        client.addCrumb(request);
        var response = client.getPage(request).getWebResponse();
        assertEquals(method, status, response.getStatusCode());
        return response.getContentAsString();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void anAdministratorSeesTrustedKeysFirstAndThePreviewWithTheDigestGatesCarry() throws Exception {
        secure();
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        String page = admin.goTo("configureSecurity").getWebResponse().getContentAsString();
        int keys = page.indexOf("Add trusted key");
        int environments = page.indexOf("Add environment");
        assertThat(keys, greaterThan(-1));
        assertThat(keys, lessThan(environments));
        assertThat(page, containsString("Effective policy, as saved"));
        assertThat(page, containsString("Releases enter it from staging only."));
        assertThat(page, containsString("Break-glass is allowed for oncall-lead"));
        Environment production = PromotionGatesConfiguration.get().policy().require("production");
        String digest = new PolicyTightener(RealmIdentity.ids(), GroupDirectory.NONE)
                .effective(production, Tightening.NONE)
                .digest();
        assertThat(page, containsString(digest));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void onlyAdministratorsOpenTheForm() throws Exception {
        secure();
        for (String user : List.of("alice", "reader")) {
            JenkinsRule.WebClient client = j.createWebClient().login(user).withThrowExceptionOnFailingStatusCode(false);
            assertEquals(
                    user, 403, client.goTo("configureSecurity").getWebResponse().getStatusCode());
        }
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void theChecksSayWhatSavingSaysToAdministratorsOnlyAndOnlyOnPost() throws Exception {
        secure();
        JenkinsRule.WebClient admin = j.createWebClient().login("admin").withThrowExceptionOnFailingStatusCode(false);
        String soak = post(admin, EnvironmentConfig.class, "checkSoakTime?value=two+days", 200);
        assertThat(soak, containsString("is not a duration"));
        assertThat(post(admin, EnvironmentConfig.class, "checkSoakTime?value=2d", 200), not(containsString("error")));
        String from = post(admin, EnvironmentConfig.class, "checkPromotedFrom?value=stagin&name=production", 200);
        assertThat(from, containsString("warning"));
        assertThat(from, containsString("stagin is not a saved environment (known: staging, production)"));
        assertThat(
                post(admin, EnvironmentConfig.class, "checkPromotedFrom?value=production&name=production", 200),
                containsString("cannot be promoted from itself"));
        assertThat(
                post(admin, ApprovalRuleConfig.class, "checkCount?value=3&users=alice,bob&groups=", 200),
                containsString("requires 3 people but only 2"));
        assertThat(
                post(admin, FreezeConfig.class, "checkTo?value=2025-01-01T00:00:00Z&from=2026-01-01T00:00:00Z", 200),
                containsString("before its end"));
        assertThat(
                post(admin, SignaturePolicyConfig.class, "checkTrustedKeys?value=release-team,other", 200),
                containsString("other is not a saved trusted key"));
        assertThat(
                post(admin, BreakGlassConfig.class, "checkUsers?value=", 200),
                containsString("name who may break the glass"));

        JenkinsRule.WebClient reader = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false);
        post(reader, EnvironmentConfig.class, "checkSoakTime?value=2d", 403);
        post(reader, EnvironmentConfig.class, "fillTimeZoneItems?timeZone=UTC", 403);
        post(reader, EnvironmentConfig.class, "autoCompletePromotedFrom?value=s", 403);
        JenkinsRule.WebClient alice = j.createWebClient().login("alice").withThrowExceptionOnFailingStatusCode(false);
        post(alice, SignaturePolicyConfig.class, "autoCompleteTrustedKeys?value=r", 403);
        int get = admin.getPage(new WebRequest(
                        new URL(
                                j.getURL(),
                                "descriptorByName/" + EnvironmentConfig.class.getName() + "/checkSoakTime?value=2d"),
                        HttpMethod.GET))
                .getWebResponse()
                .getStatusCode();
        assertNotEquals("a GET is not answered", 200, get);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void thePickersOfferSavedNamesAndEveryTimeZone() throws Exception {
        secure();
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        String environments = post(admin, EnvironmentConfig.class, "autoCompletePromotedFrom?value=dev,+sta", 200);
        assertThat(environments, containsString("\"staging\""));
        assertThat(environments, not(containsString("\"production\"")));
        String keys = post(admin, SignaturePolicyConfig.class, "autoCompleteTrustedKeys?value=rel", 200);
        assertThat(keys, containsString("\"release-team\""));
        String zones = post(admin, EnvironmentConfig.class, "fillTimeZoneItems?timeZone=Europe/Paris", 200);
        assertThat(zones, containsString("\"Europe/Paris\""));
        assertThat(zones, containsString("\"America/New_York\""));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void savingTheFormKeepsTheTimeZoneAndBreakGlassAsOneSetting() throws Exception {
        // No security realm, as the existing round trip does: the form is the page's "config" form.
        j.submit(j.createWebClient().goTo("configureSecurity").getFormByName("config"));
        Environment production = PromotionGatesConfiguration.get().policy().require("production");
        assertEquals(ZoneId.of("Europe/Paris"), production.timeZone());
        assertTrue(production.breakGlass().allowed());
        assertTrue(production.breakGlass().permits("oncall-lead"));
        Environment staging = PromotionGatesConfiguration.get().policy().require("staging");
        assertFalse(staging.breakGlass().allowed());
    }
}
