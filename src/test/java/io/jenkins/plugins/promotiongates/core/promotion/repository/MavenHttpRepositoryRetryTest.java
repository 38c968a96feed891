package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
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
        String sha256 = RepositoryFixtures.sha256(artifact);
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
                    RepositoryFixtures.release("app", "2.0", artifact),
                    RepositoryFixtures.contentIn(tmp.getRoot().toPath()),
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
    public void promotingAgainAfterAFailureMidwayKeepsWhatIsThereAndUploadsTheRest() throws Exception {
        Path build = tmp.newFolder("build").toPath();
        Path jar = Files.writeString(build.resolve("app.jar"), "jar bytes");
        Path docs = Files.writeString(build.resolve("docs.zip"), "docs bytes");
        Release release = RepositoryFixtures.release("app", "2.0", jar, docs);
        Map<String, byte[]> stored = new ConcurrentHashMap<>();
        List<String> puts = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean refuseDocs = new java.util.concurrent.atomic.AtomicBoolean(true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] held = stored.get(path);
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    puts.add(path.substring(path.lastIndexOf('/') + 1));
                    if (path.endsWith("-docs.zip") && refuseDocs.get()) {
                        exchange.sendResponseHeaders(403, -1);
                    } else {
                        stored.put(path, body);
                        exchange.sendResponseHeaders(201, -1);
                    }
                }
                case "HEAD" -> exchange.sendResponseHeaders(held == null ? 404 : 200, -1);
                default -> {
                    if (held == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        exchange.sendResponseHeaders(200, held.length);
                        exchange.getResponseBody().write(held);
                    }
                }
            }
            exchange.close();
        });
        server.start();
        try {
            MavenHttpRepository repository = new MavenHttpRepository(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                    "org.example",
                    HttpCredentials.NONE,
                    RetryPolicy.DEFAULT,
                    sleeps::add);

            RepositoryException failed = assertThrows(
                    RepositoryException.class,
                    () -> repository.publish(release, RepositoryFixtures.contentIn(build), null));
            assertThat(failed.getMessage(), containsString("failed midway: PUT "));
            assertThat(failed.getMessage(), containsString("these 3 are on it now: "));
            assertEquals(List.of("app-2.0.jar", "app-2.0.jar.sha256", "app-2.0.jar.sha1", "app-2.0-docs.zip"), puts);
            puts.clear();
            refuseDocs.set(false);

            Publication again = repository.publish(release, RepositoryFixtures.contentIn(build), null);

            assertTrue(again.stored());
            assertEquals(
                    List.of(
                            "app-2.0-docs.zip",
                            "app-2.0-docs.zip.sha256",
                            "app-2.0-docs.zip.sha1",
                            "app-2.0-release.json",
                            "app-2.0-release.json.sha256",
                            "app-2.0-release.json.sha1",
                            "maven-metadata.xml",
                            "maven-metadata.xml.sha256",
                            "maven-metadata.xml.sha1"),
                    puts);
            assertEquals("docs bytes", new String(stored.get("/org/example/app/2.0/app-2.0-docs.zip")));
            assertThat(
                    new String(stored.get("/org/example/app/maven-metadata.xml")),
                    containsString("<version>2.0</version>"));
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
                            Release.of(
                                    "app",
                                    "2.0",
                                    new ReleaseFile("app.jar", RepositoryFixtures.digest("0".repeat(64)), 0)),
                            file -> ArtifactContent.of(artifact),
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
