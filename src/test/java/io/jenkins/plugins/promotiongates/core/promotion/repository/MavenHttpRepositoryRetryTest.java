package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Retries against servers that fail for a while (the JDK's HTTP server) or never answer (a silent socket). */
public class MavenHttpRepositoryRetryTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<Duration> sleeps = new ArrayList<>();

    @Test
    public void aServerThatFailsTwiceThenRecoversGetsTheFileAfterTwoBackoffs() throws Exception {
        Path artifact = tmp.newFile("app.jar").toPath();
        Files.writeString(artifact, "jar bytes");
        String sha256 = Fixtures.sha256(artifact);
        Map<String, byte[]> stored = new ConcurrentHashMap<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("PUT")
                    && path.endsWith(".jar")
                    && failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(502, -1);
            } else if (exchange.getRequestMethod().equals("PUT")) {
                stored.put(path, body);
                exchange.sendResponseHeaders(201, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/releases");
            MavenHttpRepository repository = new MavenHttpRepository(
                    base, "org.example", HttpCredentials.bearer("t0ken"), RetryPolicy.DEFAULT, sleeps::add);

            Publication publication = repository.publish(
                    new ArtifactCoordinates("app.jar", "2.0"),
                    ArtifactContent.of(artifact),
                    Fixtures.digest(sha256),
                    null);

            assertTrue(publication.stored());
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
            assertEquals("jar bytes", new String(stored.get("/releases/org/example/app/2.0/app-2.0.jar")));
            assertEquals(sha256, new String(stored.get("/releases/org/example/app/2.0/app-2.0.jar.sha256")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void aServerThatNeverAnswersTimesOutEachAttemptAndIsReported() throws Exception {
        Path artifact = tmp.newFile("app.jar").toPath();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RetryPolicy quick =
                    new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(300));
            MavenHttpRepository repository = new MavenHttpRepository(
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"),
                    "org.example",
                    HttpCredentials.NONE,
                    quick,
                    sleeps::add);

            RepositoryException e = assertThrows(
                    RepositoryException.class,
                    () -> repository.publish(
                            new ArtifactCoordinates("app.jar", "2.0"),
                            ArtifactContent.of(artifact),
                            Fixtures.digest("0".repeat(64)),
                            null));

            assertThat(e.getMessage(), containsString("failed 2 times"));
            assertThat(e.getMessage(), containsString("last failure: HttpTimeoutException"));
            assertEquals(List.of(Duration.ofMillis(10)), sleeps);
        }
    }

    @Test
    public void credentialsNeverShowTheirSecret() {
        assertEquals(
                "basic user 'deployer'",
                HttpCredentials.basic("deployer", "hunter2").toString());
        assertEquals("bearer token", HttpCredentials.bearer("abc.def").toString());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> HttpCredentials.bearer("has space"));
        assertThat(e.getMessage(), containsString("contains spaces or control characters"));
        assertThrows(IllegalArgumentException.class, () -> HttpCredentials.basic("a:b", "x"));
    }
}
