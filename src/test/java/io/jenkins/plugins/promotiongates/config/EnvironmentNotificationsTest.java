package io.jenkins.plugins.promotiongates.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.notify.WebhookTarget;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.PolicyProblem;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/** An environment's reminder lead time and webhooks: read for the notifiers, checked on save, not policy. */
public class EnvironmentNotificationsTest {

    private static EnvironmentConfig production() {
        EnvironmentConfig production = new EnvironmentConfig("production");
        ApprovalRuleConfig leads = new ApprovalRuleConfig();
        leads.setUsers("ann, bob");
        production.setApprovalRules(List.of(leads));
        return production;
    }

    private static WebhookConfig webhook(String url, String credentialsId) {
        WebhookConfig webhook = new WebhookConfig(url);
        webhook.setCredentialsId(credentialsId);
        return webhook;
    }

    @Test
    public void readsTheReminderAndTheWebhooks() {
        EnvironmentConfig production = production();
        assertNull("no reminder unless asked", EnvironmentNotifications.reminderBefore(production));
        production.setReminderBefore(" 4h ");
        production.setWebhooks(List.of(webhook("https://hooks.example.com/gates?token=t", "hook-secret")));
        assertEquals(Duration.ofHours(4), EnvironmentNotifications.reminderBefore(production));
        List<WebhookTarget> targets = EnvironmentNotifications.webhooks(production);
        assertEquals("https://hooks.example.com/gates", targets.get(0).destination());
    }

    @Test
    public void notificationSettingsAreNotPartOfThePolicy() {
        EnvironmentConfig production = production();
        Environment before = production.toSettings().toEnvironment("environments[production]");
        production.setReminderBefore("4h");
        production.setWebhooks(List.of(webhook("https://hooks.example.com/gates", "hook-secret")));
        assertEquals(before, production.toSettings().toEnvironment("environments[production]"));
    }

    @Test
    public void unreadableReminderIsRefusedNamingTheSetting() {
        EnvironmentConfig production = production();
        production.setReminderBefore("soon");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, production::toSettings);
        assertEquals(
                "environments[production].reminderBefore", e.problems().get(0).field());
    }

    @Test
    public void everyUnusableWebhookIsRefusedNamingItsSetting() {
        EnvironmentConfig production = production();
        production.setWebhooks(List.of(
                webhook("ftp://hooks.example.com/", "hook-secret"),
                webhook("https://hooks.example.com/", ""),
                webhook("https://ann:pw@hooks.example.com/", "hook-secret")));
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, production::toSettings);
        assertEquals(
                List.of(
                        "environments[production].webhooks[0].url",
                        "environments[production].webhooks[1].credentialsId",
                        "environments[production].webhooks[2].url"),
                e.problems().stream().map(PolicyProblem::field).toList());
        assertEquals(
                "environments[production].webhooks[1].credentialsId: is empty, but webhooks are always signed; choose a"
                        + " global Secret text credential holding the secret the receiver checks the signature with",
                e.problems().get(1).toString());
    }
}
