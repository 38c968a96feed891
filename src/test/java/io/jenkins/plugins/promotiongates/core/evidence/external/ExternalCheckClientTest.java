package io.jenkins.plugins.promotiongates.core.evidence.external;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The external check's HTTPS call against a real local HTTPS server (the JDK's, with a certificate made for
 * the test): what is sent, each kind of answer, a timeout, an untrusted server; the credential is in no
 * message.
 */
public class ExternalCheckClientTest {

    private static final String TOKEN = "Bearer s3cret-token-9f8e7d";
    private static final Instant FIRST = Instant.parse("2026-12-06T12:00:00Z");

    private final AtomicReference<byte[]> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "";
    private volatile long delayMillis;
    private TestCertificate certificate;
    private HttpsServer server;

    @Before
    public void start() throws Exception {
        certificate = new TestCertificate();
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.server()));
        server.createContext("/api/checks", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @After
    public void stop() {
        server.stop(0);
    }

    private ExternalCheckSettings settings(Duration timeout) {
        return ExternalCheckSettings.of(
                "https://127.0.0.1:" + server.getAddress().getPort() + "/api/checks?key=query-secret",
                "change-api",
                timeout,
                PollSchedule.DEFAULT,
                Duration.ofHours(2));
    }

    private ExternalCheckDecision ask(ExternalCheckSettings settings, HttpClient http, byte[] body) {
        ExternalCheckAnswer answer = new ExternalCheckClient(http).ask(settings, body, Optional.of(TOKEN));
        return new ExternalCheckJudge(settings).decide(answer, 1, FIRST, FIRST);
    }

    private HttpClient trusting() throws Exception {
        return HttpClient.newBuilder()
                .sslContext(certificate.client())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static Release release() {
        return EvidenceFixtures.release(
                new ReleaseFile("app.jar", EvidenceFixtures.sha256("jar".getBytes(StandardCharsets.UTF_8)), 3));
    }

    private static byte[] body() {
        return ExternalCheckRequest.body(release(), "production", "folder/app", 42, "job/folder/job/app/42/");
    }

    private static void assertNoSecret(EvidenceVerdict verdict) {
        String all = verdict.line();
        assertThat(all, not(containsString("s3cret")));
        assertThat(all, not(containsString("query-secret")));
        assertThat(all, not(containsString("/api/checks")));
    }

    @Test
    public void aPassingAnswerPassesAndTheReleaseAndCredentialWereSent() throws Exception {
        answer = "{\"status\": \"pass\", \"reason\": \"CHG0031 approved by the CAB\"}";
        ExternalCheckDecision decision = ask(settings(Duration.ofSeconds(10)), trusting(), body());
        assertEquals(EvidenceVerdict.Outcome.PASSED, decision.verdict().outcome());
        assertEquals(
                "the external check at 127.0.0.1 passed: 'CHG0031 approved by the CAB'",
                decision.verdict().message());
        assertArrayEquals(body(), received.get());
        assertEquals(TOKEN, authorization.get());
        assertEquals("application/json", contentType.get());
        assertNoSecret(decision.verdict());
    }

    @Test
    public void aPendingAnswerWaitsAndSaysWhenItAsksAgain() throws Exception {
        answer = "{\"status\": \"pending\", \"reason\": \"CHG0031 awaits the CAB\"}";
        ExternalCheckDecision decision = ask(settings(Duration.ofSeconds(10)), trusting(), body());
        assertEquals(EvidenceVerdict.Outcome.PENDING, decision.verdict().outcome());
        assertEquals(Optional.of(FIRST.plusSeconds(30)), decision.askAgainAt());
        assertEquals(
                "keep waiting: asked again at 2026-12-06T12:00:30Z (call 2, after 30 s)",
                decision.verdict().remedy());
    }

    @Test
    public void aFailingAnswerAndARefusedCredentialFailWithoutShowingTheCredential() throws Exception {
        answer = "{\"status\": \"fail\", \"reason\": \"no approved change for this window\"}";
        ExternalCheckDecision failed = ask(settings(Duration.ofSeconds(10)), trusting(), body());
        assertEquals(EvidenceVerdict.Outcome.FAILED, failed.verdict().outcome());
        assertEquals(
                "the external check at 127.0.0.1 failed: 'no approved change for this window'",
                failed.verdict().message());
        status = 401;
        answer = "{\"error\": \"bad token s3cret-token-9f8e7d\"}";
        ExternalCheckDecision refused = ask(settings(Duration.ofSeconds(10)), trusting(), body());
        assertEquals(
                "the external check at 127.0.0.1 answered HTTP 401, which is not an answer",
                refused.verdict().message());
        assertThat(refused.verdict().remedy(), containsString("the credential 'change-api'"));
        assertNoSecret(refused.verdict());
    }

    @Test
    public void noAnswerWithinTheTimeoutKeepsWaiting() throws Exception {
        delayMillis = 2000;
        answer = "{\"status\": \"pass\"}";
        ExternalCheckDecision decision = ask(settings(Duration.ofSeconds(1)), trusting(), body());
        assertEquals(EvidenceVerdict.Outcome.PENDING, decision.verdict().outcome());
        assertEquals(
                "the external check at 127.0.0.1 did not answer: no answer within 1 s",
                decision.verdict().message());
    }

    @Test
    public void anUntrustedServerIsNotBelievedAndTheCredentialIsNotShown() throws Exception {
        answer = "{\"status\": \"pass\"}";
        ExternalCheckDecision decision = ask(
                settings(Duration.ofSeconds(5)),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                body());
        assertFalse(decision.verdict().passed());
        assertThat(decision.verdict().message(), containsString("did not answer: SSLHandshakeException"));
        assertNoSecret(decision.verdict());
    }

    @Test
    public void aClientThatFollowsRedirectsIsRefused() {
        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> new ExternalCheckClient(following))
                        .getMessage(),
                containsString("must not follow redirects"));
    }
}
