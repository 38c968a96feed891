package io.jenkins.plugins.promotiongates.core.notify;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.sink.Backoff;
import io.jenkins.plugins.promotiongates.core.sink.SecretSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/** Signed webhooks against a real HTTP server on 127.0.0.1 that checks the HMAC. */
public class WebhookSenderTest {

    private static final String SECRET = "s3cr3t-webhook-key";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final WebhookSender sender = new WebhookSender(
            scheduler,
            new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), new SplittableRandom(1)),
            4,
            Duration.ofSeconds(5));

    @After
    public void stop() {
        scheduler.shutdownNow();
    }

    private static GateNotice opened() {
        GateSnapshot gate = NotifyFixture.gate(NotifyFixture.clock()).snapshot();
        return NotifyFixture.notice(GateEvent.OPENED, gate, null);
    }

    private static WebhookTarget target(java.net.URI url, SecretSource secret) {
        return WebhookTarget.of("environments[production].webhooks[0].url", url.toString(), secret);
    }

    @Test
    public void bodyIsCanonicalJsonWithTheFactsAndNoPolicyInternals() throws Exception {
        GateNotice notice = opened();
        String body = new String(WebhookBody.of(notice), StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(body);
        assertEquals("gate.opened", json.get("event").asText());
        assertEquals("production", json.get("gate").asText());
        assertEquals("shop", json.get("run").get("job").asText());
        assertEquals(42, json.get("run").get("number").asInt());
        assertEquals("production", json.get("environment").asText());
        assertEquals("shop", json.get("application").asText());
        assertEquals("1.4.0", json.get("version").asText());
        assertEquals(
                NotifyFixture.subject().digest().toString(),
                json.get("releaseDigest").asText());
        assertEquals(NotifyFixture.RUN.gateUrl(), json.get("link").asText());
        assertEquals("2026-12-06T09:00:00Z", json.get("time").asText());
        assertThat(body, not(containsString("leads")));
        assertThat(body, not(containsString(notice.policyDigest())));
        assertTrue("keys sorted, no whitespace", body.startsWith("{\"actor\":\"\",\"application\":\"shop\","));
    }

    @Test
    public void signatureIsHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertEquals(
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void deliversSignedBodyTheReceiverVerifies() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0)) {
            byte[] body = WebhookBody.of(opened());
            WebhookDelivery delivery =
                    sender.send(target(receiver.url(), () -> SECRET), body).get(10, TimeUnit.SECONDS);
            assertTrue(delivery.problem(), delivery.delivered());
            assertEquals(1, delivery.attempts());
            assertEquals(204, delivery.status());
            assertEquals(1, receiver.received().size());
            WebhookReceiver.Received request = receiver.received().get(0);
            assertTrue(request.signatureValid());
            assertArrayEquals(body, request.body());
            assertEquals("application/json", request.contentType());
        }
    }

    @Test
    public void wrongSecretIsRefusedByTheReceiver() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0)) {
            WebhookDelivery delivery = sender.send(
                            target(receiver.url(), () -> "another secret"), WebhookBody.of(opened()))
                    .get(10, TimeUnit.SECONDS);
            assertFalse(delivery.delivered());
            assertEquals(401, delivery.status());
            assertEquals(4, delivery.attempts());
            assertFalse(receiver.received().get(0).signatureValid());
        }
    }

    @Test
    public void retriesWithBackoffUntilTheReceiverAnswers() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 2)) {
            WebhookDelivery delivery = sender.send(target(receiver.url(), () -> SECRET), WebhookBody.of(opened()))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(delivery.problem(), delivery.delivered());
            assertEquals(3, delivery.attempts());
            assertEquals(3, receiver.received().size());
            assertTrue(receiver.received().stream().allMatch(WebhookReceiver.Received::signatureValid));
        }
    }

    @Test
    public void receiverDownNeverBlocksTheCallerAndEndsAsFailed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var outcome = sender.send(
                target(java.net.URI.create("http://127.0.0.1:" + port + "/hook"), () -> SECRET),
                WebhookBody.of(opened()));
        assertFalse("send returns before any retry", outcome.isDone());
        WebhookDelivery delivery = outcome.get(10, TimeUnit.SECONDS);
        assertFalse(delivery.delivered());
        assertEquals(4, delivery.attempts());
        assertEquals(0, delivery.status());
        assertThat(delivery.problem(), containsString("cannot connect"));
    }

    @Test
    public void auditRecordsOutcomeAndAttemptsButNoSecretOrQuery() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 1)) {
            GateNotice notice = opened();
            WebhookDelivery delivery = sender.send(target(receiver.url(), () -> SECRET), WebhookBody.of(notice))
                    .get(10, TimeUnit.SECONDS);
            EventDraft draft = NotificationEvents.webhook(notice, delivery);
            assertEquals(EventTypes.NOTIFICATION_SENT, draft.type());
            assertEquals(2, draft.details().get("attempts"));
            assertEquals("webhook", draft.details().get("channel"));
            assertEquals("gate.opened", draft.details().get("event"));
            String details = draft.details().toString();
            assertThat(details, not(containsString(SECRET)));
            assertThat(details, not(containsString("in-query")));
            assertThat(details, not(containsString(receiver.received().get(0).signature())));
        }
    }

    @Test
    public void unusableCredentialFailsWithoutAnAttempt() throws Exception {
        WebhookDelivery delivery = sender.send(
                        target(java.net.URI.create("http://127.0.0.1:9/hook"), () -> {
                            throw new IOException("credential 'hook-secret' is not a Secret text credential");
                        }),
                        WebhookBody.of(opened()))
                .get(10, TimeUnit.SECONDS);
        assertFalse(delivery.delivered());
        assertEquals(0, delivery.attempts());
        assertThat(delivery.problem(), containsString("'hook-secret'"));
        assertEquals(
                EventTypes.NOTIFICATION_FAILED,
                NotificationEvents.webhook(opened(), delivery).type());
    }

    @Test
    public void badUrlsAreRefusedWithTheSettingAndRemedy() {
        for (String url :
                new String[] {"", "hooks.example.com/x", "ftp://example.com/x", "https://user:pw@example.com/"}) {
            InvalidPolicyException e = assertThrows(
                    InvalidPolicyException.class,
                    () -> WebhookTarget.of("environments[p].webhooks[0].url", url, () -> "s"));
            assertThat(e.getMessage(), containsString("environments[p].webhooks[0].url"));
        }
        assertThat(
                assertThrows(
                                InvalidPolicyException.class,
                                () -> WebhookTarget.of("f", "https://u:p@example.com/", null))
                        .getMessage(),
                containsString("X-Promotion-Gates-Signature"));
    }
}
