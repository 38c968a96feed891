package io.jenkins.plugins.promotiongates.core.notify;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * The engine's mail sender through a real SMTP server on 127.0.0.1 (GreenMail), read back as an
 * approver's mail client would: who got it, the subject, the link, who may decide and the release.
 */
public class MailSenderTest {

    @Rule
    public SmtpServer server = new SmtpServer();

    private GreenMail smtp;
    private MailSender sender;

    @Before
    public void connect() {
        smtp = server.greenMail();
        sender = new MailSender(server.session(), "Jenkins <jenkins@example.com>", NotifyFixture.clock());
    }

    private void sendAll(GateNotice notice) throws NotificationException {
        Map<String, String> addresses = Map.of(
                "ann", "ann@example.com",
                "bob", "bob@example.com",
                "sam", "sam@example.com",
                "dave", "dave@example.com");
        for (MailMessage mail : MailText.compose(notice, addresses)) {
            sender.send(mail);
        }
    }

    @Test
    public void openedGateReachesOnlyThePeopleWhoMayDecide() throws Exception {
        GateSnapshot gate = NotifyFixture.gate(NotifyFixture.clock()).snapshot();
        sendAll(NotifyFixture.notice(GateEvent.OPENED, gate, null));

        assertTrue(smtp.waitForIncomingEmail(5_000, 2));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(List.of("ann@example.com", "bob@example.com"), server.recipients());
        MimeMessage message = received[0];
        assertEquals("[Promotion Gates] Approval needed: shop 1.4.0 to production (shop #42)", message.getSubject());
        assertEquals(
                "jenkins@example.com", ((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getAddress());
        String body = GreenMailUtil.getBody(message);
        assertThat(body, containsString("Decide here: https://ci.example.com/job/shop/42/approvals/production/"));
        assertThat(body, containsString("Who may decide: ann, bob, lena"));
        assertThat(body, containsString("Release: shop 1.4.0"));
        assertThat(
                body,
                containsString("Release digest: " + NotifyFixture.subject().digest()));
        assertThat(body, containsString("Environment: production"));
        assertThat(body, containsString("Message: Ship it?"));
        // no policy internals: neither the rule nor its members beyond who may decide, nor the policy digest
        assertThat(body, not(containsString("leads")));
        assertThat(body, not(containsString(gate.policyDigest())));
        assertThat(body, not(containsString("sam")));
    }

    @Test
    public void decisionIsAnnouncedToThoseStillAsked() throws Exception {
        ApprovalGate gate = NotifyFixture.gate(NotifyFixture.clock());
        var result = gate.approve(
                NotifyFixture.ANN,
                "looks good",
                gate.snapshot().artifactDigest(),
                gate.snapshot().policyDigest());
        sendAll(NotifyFixture.notice(GateEvent.DECIDED, gate.snapshot(), result.decision()));

        assertTrue(smtp.waitForIncomingEmail(5_000, 1));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(List.of("bob@example.com"), server.recipients());
        assertEquals("[Promotion Gates] ann approved shop 1.4.0 to production (0 of 2)", received[0].getSubject());
        assertThat(GreenMailUtil.getBody(received[0]), containsString("Comment: looks good"));
    }

    @Test
    public void refusedAddressIsExplained() {
        GateSnapshot gate = NotifyFixture.gate(NotifyFixture.clock()).snapshot();
        GateNotice notice = NotifyFixture.notice(GateEvent.OPENED, gate, null);
        MailMessage broken =
                MailText.compose(notice, Map.of("ann", "ann@@example")).get(0);
        NotificationException e = assertThrows(NotificationException.class, () -> sender.send(broken));
        assertThat(e.getMessage(), containsString("user 'ann'"));
        assertThat(e.getMessage(), containsString("malformed"));
    }

    @Test
    public void serverDownIsExplained() {
        smtp.stop();
        GateSnapshot gate = NotifyFixture.gate(NotifyFixture.clock()).snapshot();
        MailMessage mail = MailText.compose(
                        NotifyFixture.notice(GateEvent.OPENED, gate, null), Map.of("ann", "ann@example.com"))
                .get(0);
        NotificationException e = assertThrows(NotificationException.class, () -> sender.send(mail));
        assertThat(e.getMessage(), containsString("check the SMTP settings"));
    }
}
