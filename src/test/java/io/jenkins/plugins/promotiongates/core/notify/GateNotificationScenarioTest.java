package io.jenkins.plugins.promotiongates.core.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.Deciders;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.sink.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * The engine twin of {@code GateNotificationsJenkinsTest}: a staging gate (2 of alice, bob, carol; sam
 * started the run) opens, alice approves, bob approves and it closes. At each event the notice is built
 * as the glue builds it, e-mailed through a real SMTP server and POSTed to a real receiver that checks
 * the signature.
 */
public class GateNotificationScenarioTest {

    private static final IdNormalizer IDS = IdNormalizer.caseInsensitive();
    private static final String SECRET = "scenario secret";
    private static final Map<String, String> ADDRESSES = Map.of(
            "alice", "alice@example.com",
            "bob", "bob@example.com",
            "carol", "carol@example.com",
            "sam", "sam@example.com",
            "mallory", "mallory@example.com");
    private static final List<Approver> USERS = List.of(
            Approver.of(IDS, "alice", List.of()),
            Approver.of(IDS, "bob", List.of()),
            Approver.of(IDS, "carol", List.of()),
            Approver.of(IDS, "sam", List.of()),
            Approver.of(IDS, "mallory", List.of()));

    @Rule
    public SmtpServer server = new SmtpServer();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Clock clock = NotifyFixture.clock();
    private GreenMail smtp;
    private MailSender mail;
    private WebhookReceiver receiver;
    private WebhookSender webhooks;

    @Before
    public void start() throws Exception {
        smtp = server.greenMail();
        mail = new MailSender(server.session(), "jenkins@example.com", clock);
        receiver = new WebhookReceiver(SECRET, 0);
        webhooks = new WebhookSender(
                scheduler,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(100), new SplittableRandom(2)),
                3,
                Duration.ofSeconds(5));
    }

    @After
    public void stop() {
        receiver.close();
        scheduler.shutdownNow();
    }

    /** What the glue does for one event: the notice, the e-mails, the webhook. */
    private List<String> announce(GateEvent event, ApprovalGate gate, Decision decision) throws Exception {
        List<String> deciders = Deciders.among(gate.snapshot(), USERS).stream()
                .map(Approver::userId)
                .toList();
        GateNotice notice = GateNotice.of(
                event,
                gate.snapshot(),
                NotifyFixture.subject(),
                NotifyFixture.RUN,
                "Ship it",
                gate.progress().summary(),
                decision,
                deciders,
                clock.instant());
        smtp.purgeEmailFromAllMailboxes();
        List<MailMessage> mails = MailText.compose(notice, ADDRESSES);
        for (MailMessage message : mails) {
            mail.send(message);
        }
        assertTrue(smtp.waitForIncomingEmail(5_000, mails.size()));
        WebhookDelivery delivery = webhooks.send(
                        WebhookTarget.of("webhooks[0].url", receiver.url().toString(), () -> SECRET),
                        WebhookBody.of(notice))
                .get(10, TimeUnit.SECONDS);
        assertTrue(delivery.problem(), delivery.delivered());
        return server.recipients();
    }

    @Test
    public void eachEventReachesOnlyThoseStillAskedAndEveryWebhookIsSigned() throws Exception {
        Environment staging = Environment.builder("staging")
                .rule(new ApprovalRule(
                        "release", java.util.Set.of("alice", "bob", "carol"), java.util.Set.of(), 2, false))
                .gateTimeout(Duration.ofHours(1))
                .build();
        ApprovalGate gate = ApprovalGate.open(
                "staging",
                new PolicyTightener(IDS, GroupDirectory.NONE).effective(staging, Tightening.NONE),
                NotifyFixture.subject().digest(),
                RunParties.of(IDS, "sam", List.of()),
                clock);
        String digest = gate.snapshot().artifactDigest().toString();
        String policy = gate.snapshot().policyDigest();

        assertEquals(
                List.of("alice@example.com", "bob@example.com", "carol@example.com"),
                announce(GateEvent.OPENED, gate, null));

        Decision alice = gate.approve(USERS.get(0), "", NotifyFixture.subject().digest(), policy)
                .decision();
        assertEquals(List.of("bob@example.com", "carol@example.com"), announce(GateEvent.DECIDED, gate, alice));

        Decision bob = gate.approve(USERS.get(1), "", NotifyFixture.subject().digest(), policy)
                .decision();
        assertEquals(
                "the closing decision is told by the closing mail", List.of(), announce(GateEvent.DECIDED, gate, bob));
        assertEquals(List.of("carol@example.com"), announce(GateEvent.CLOSED, gate, null));

        List<String> events = new ArrayList<>();
        for (WebhookReceiver.Received request : receiver.received()) {
            assertTrue(request.signatureValid());
            var json = new ObjectMapper().readTree(request.body());
            events.add(json.get("event").asText() + " " + json.get("state").asText());
            assertEquals(digest, json.get("releaseDigest").asText());
        }
        assertEquals(
                List.of("gate.opened WAITING", "gate.decided WAITING", "gate.decided APPROVED", "gate.closed APPROVED"),
                events);
    }
}
