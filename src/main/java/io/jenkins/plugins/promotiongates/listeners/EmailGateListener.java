package io.jenkins.plugins.promotiongates.listeners;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.User;
import hudson.tasks.Mailer;
import io.jenkins.plugins.promotiongates.core.notify.GateNotice;
import io.jenkins.plugins.promotiongates.core.notify.MailMessage;
import io.jenkins.plugins.promotiongates.core.notify.MailSender;
import io.jenkins.plugins.promotiongates.core.notify.MailText;
import io.jenkins.plugins.promotiongates.core.notify.NotificationEvents;
import io.jenkins.plugins.promotiongates.core.notify.NotificationException;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.JenkinsLocationConfiguration;

/**
 * E-mails each person asked to decide, at the address of their Jenkins user (Mailer's user property),
 * through the SMTP server of Manage Jenkins » E-mail Notification, from the system administrator's
 * address. What is written and to whom is the engine's ({@link MailText}); the outcome is audited.
 */
@Extension
public final class EmailGateListener extends GateListener {

    private static final Logger LOGGER = Logger.getLogger(EmailGateListener.class.getName());

    @Override
    public void onEvent(Run<?, ?> run, GateNotice notice) {
        List<MailMessage> mails = MailText.compose(notice, addresses(notice.deciders()));
        if (mails.isEmpty()) {
            return;
        }
        MailSender sender = new MailSender(
                Mailer.descriptor().createSession(),
                JenkinsLocationConfiguration.get().getAdminAddress(),
                Clock.systemUTC());
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String problem = "";
        for (MailMessage mail : mails) {
            try {
                sender.send(mail);
                sent.add(mail.userId());
            } catch (NotificationException e) {
                failed.add(mail.userId());
                problem = problem.isEmpty() ? e.getMessage() : problem;
                LOGGER.log(Level.WARNING, e.getMessage(), e);
            }
        }
        try {
            RunAudit.record(run, NotificationEvents.email(notice, sent, failed, problem));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not record the e-mails of gate " + notice.gateId() + " of " + run, e);
        }
    }

    /** The e-mail address of each user that has one. */
    private static Map<String, String> addresses(List<String> userIds) {
        Map<String, String> addresses = new HashMap<>();
        for (String userId : userIds) {
            User user = User.getById(userId, false);
            Mailer.UserProperty property = user == null ? null : user.getProperty(Mailer.UserProperty.class);
            String address = property == null ? null : property.getAddress();
            if (address != null && !address.isBlank()) {
                addresses.put(userId, address);
            }
        }
        return addresses;
    }
}
