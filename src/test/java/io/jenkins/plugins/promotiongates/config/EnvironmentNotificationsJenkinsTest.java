package io.jenkins.plugins.promotiongates.config;

import static io.jenkins.plugins.casc.misc.Util.getSecurityRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.promotiongates.core.notify.WebhookTarget;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * An environment's reminder lead time and webhooks through Configuration as Code, the configuration
 * page and the form checks. Engine twin: {@code EnvironmentNotificationsTest}.
 */
public class EnvironmentNotificationsJenkinsTest {

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    private static EnvironmentConfig production() {
        return EnvironmentNotifications.of("production");
    }

    @Test
    @ConfiguredWithCode("notifications.yml")
    public void reminderAndWebhooksComeFromYamlAndGoBackToIt() throws Exception {
        assertEquals(Duration.ofHours(4), EnvironmentNotifications.reminderBefore(production()));
        List<WebhookTarget> webhooks = EnvironmentNotifications.webhooks(production());
        assertEquals(
                "https://hooks.example.com/promotion-gates", webhooks.get(0).destination());
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertEquals("webhook-secret-0123456789", webhooks.get(0).secret().secret());
        }
        String yaml = toYamlString(getSecurityRoot(new ConfigurationContext(ConfiguratorRegistry.get()))
                .get("promotionGates"));
        assertThat(yaml, containsString("reminderBefore: \"4h\""));
        assertThat(yaml, containsString("url: \"https://hooks.example.com/promotion-gates\""));
        assertThat(yaml, containsString("credentialsId: \"promotion-gates-webhook-secret\""));
        assertThat(yaml, not(containsString("webhook-secret-0123456789")));
    }

    @Test
    @ConfiguredWithCode("notifications.yml")
    public void theConfigurationPageSavesTheReminderAndTheWebhooks() throws Exception {
        j.submit(j.createWebClient().goTo("configureSecurity").getFormByName("config"));
        assertEquals("4h", production().getReminderBefore());
        assertEquals(1, production().getWebhooks().size());
        assertEquals(
                "https://hooks.example.com/promotion-gates",
                production().getWebhooks().get(0).getUrl());
        assertEquals(
                "promotion-gates-webhook-secret",
                production().getWebhooks().get(0).getCredentialsId());
    }

    @Test
    public void theWebhookUrlCheckAnswersPostOnlyAndOnlyToAdministrators() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
        String check = "descriptorByName/" + WebhookConfig.class.getName() + "/checkUrl?value=ftp://example.com/";
        JenkinsRule.WebClient reader = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false);
        WebRequest readerPost = new WebRequest(new URL(j.getURL(), check), HttpMethod.POST);
        reader.addCrumb(readerPost);
        assertEquals(403, reader.getPage(readerPost).getWebResponse().getStatusCode());
        JenkinsRule.WebClient admin = j.createWebClient().login("admin").withThrowExceptionOnFailingStatusCode(false);
        assertNotEquals(
                "a GET is not answered",
                200,
                admin.getPage(new WebRequest(new URL(j.getURL(), check), HttpMethod.GET))
                        .getWebResponse()
                        .getStatusCode());
        WebRequest adminPost = new WebRequest(new URL(j.getURL(), check), HttpMethod.POST);
        admin.addCrumb(adminPost);
        String answer = admin.getPage(adminPost).getWebResponse().getContentAsString();
        assertThat(answer, containsString("must be an absolute http:// or https:// URL"));
    }
}
