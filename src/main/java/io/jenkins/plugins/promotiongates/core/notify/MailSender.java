package io.jenkins.plugins.promotiongates.core.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * Sends {@link MailMessage}s over SMTP with a Jakarta Mail session: in Jenkins the Mailer plugin's,
 * configured in Manage Jenkins (server, port, TLS, authentication).
 */
public final class MailSender {

    private final Session session;
    private final String from;
    private final Clock clock;

    /**
     * @param from the sender's address; blank lets the session's {@code mail.from} decide
     */
    public MailSender(Session session, String from, Clock clock) {
        this.session = session;
        this.from = from == null ? "" : from.trim();
        this.clock = clock;
    }

    /**
     * @throws NotificationException naming the recipient and why the server refused, or the malformed address
     */
    public void send(MailMessage mail) throws NotificationException {
        try {
            MimeMessage message = new MimeMessage(session);
            if (from.isEmpty()) {
                message.setFrom();
            } else {
                message.setFrom(new InternetAddress(from, true));
            }
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            Transport.send(message);
        } catch (AddressException e) {
            throw new NotificationException(
                    "E-mail to user '" + mail.userId() + "': the address '" + e.getRef() + "' is malformed ("
                            + e.getMessage() + "); correct it in the user's or the Jenkins e-mail settings",
                    e);
        } catch (MessagingException e) {
            throw new NotificationException(
                    "E-mail to user '" + mail.userId() + "' could not be sent: " + e.getMessage()
                            + "; check the SMTP settings in Manage Jenkins (E-mail Notification)",
                    e);
        }
    }
}
