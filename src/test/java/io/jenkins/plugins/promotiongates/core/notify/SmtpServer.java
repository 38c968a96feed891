package io.jenkins.plugins.promotiongates.core.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.rules.ExternalResource;

/** A real SMTP server on 127.0.0.1 (GreenMail, on a free port) for one test, and a session that sends to it. */
final class SmtpServer extends ExternalResource {

    private GreenMail greenMail;

    @Override
    protected void before() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
    }

    @Override
    protected void after() {
        greenMail.stop();
    }

    GreenMail greenMail() {
        return greenMail;
    }

    /** A Jakarta Mail session for this server, as Mailer's {@code createSession()} makes one for its settings. */
    Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        return Session.getInstance(properties);
    }

    /** The To address of every message received, sorted. */
    List<String> recipients() throws MessagingException {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            to.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
        }
        to.sort(null);
        return to;
    }
}
