package io.jenkins.plugins.promotiongates.listeners;

import hudson.Extension;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.EnvironmentNotifications;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.notify.GateNotice;
import io.jenkins.plugins.promotiongates.core.notify.NotificationEvents;
import io.jenkins.plugins.promotiongates.core.notify.WebhookBody;
import io.jenkins.plugins.promotiongates.core.notify.WebhookDelivery;
import io.jenkins.plugins.promotiongates.core.notify.WebhookSender;
import io.jenkins.plugins.promotiongates.core.notify.WebhookTarget;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.sink.Backoff;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import jenkins.util.Timer;

/**
 * POSTs each gate event to the webhooks of the gate's environment, signed, with retries on Jenkins's timer
 * (2 s doubling to at most 2 minutes, 6 attempts). Each outcome is recorded in the run's audit when it is
 * known; nothing waits for it.
 */
@Extension
public final class WebhookGateListener extends GateListener {

    private static final Logger LOGGER = Logger.getLogger(WebhookGateListener.class.getName());

    private WebhookSender sender;

    private synchronized WebhookSender sender() {
        if (sender == null) {
            sender = new WebhookSender(
                    Timer.get(),
                    new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(2), RandomGenerator.getDefault()),
                    6,
                    Duration.ofSeconds(30));
        }
        return sender;
    }

    @Override
    public void onEvent(Run<?, ?> run, GateNotice notice) {
        EnvironmentConfig environment = EnvironmentNotifications.of(notice.environment());
        if (environment == null || environment.getWebhooks().isEmpty()) {
            return;
        }
        List<WebhookTarget> targets;
        try {
            targets = EnvironmentNotifications.webhooks(environment);
        } catch (InvalidPolicyException e) {
            record(run, notice, new WebhookDelivery("", 0, false, 0, e.getMessage()));
            return;
        }
        byte[] body = WebhookBody.of(notice);
        for (WebhookTarget target : targets) {
            sender().send(target, body).thenAccept(delivery -> record(run, notice, delivery));
        }
    }

    private static void record(Run<?, ?> run, GateNotice notice, WebhookDelivery delivery) {
        EventDraft draft = NotificationEvents.webhook(notice, delivery);
        if (!delivery.delivered()) {
            LOGGER.warning("Webhook " + delivery.destination() + " of gate " + notice.gateId() + " in "
                    + notice.run().describe() + " failed after " + delivery.attempts() + " attempts: "
                    + delivery.problem());
        }
        try {
            RunAudit.record(run, draft);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not record the webhook of gate " + notice.gateId() + " of " + run, e);
        }
    }
}
