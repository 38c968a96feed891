package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Maven repository against the JDK's HTTP server on 127.0.0.1: credentials never reach another
 * origin and never appear in a message, URL paths come from validated segments only, and nothing is
 * uploaded before the bytes are known to have the approved digest.
 */
public class MavenHttpRepositoryConfinementTest {

    private static final String PASSWORD = "hunter2-s3cret";
    private static final HttpCredentials CREDENTIALS = HttpCredentials.basic("deployer", PASSWORD);
    private static final String BASIC =
            Base64.getEncoder().encodeToString(("deployer:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final byte[] bytes = "jar bytes".getBytes(StandardCharsets.UTF_8);
    private String sha256;
    private Release release;
    private Path spool;

    /** One request as a server saw it. */
    record Seen(String method, String path, String authorization) {}

    /** What a test server answers. */
    interface Handler {
        void handle(HttpExchange exchange, byte[] body) throws IOException;
    }

    @Before
    public void setUp() throws Exception {
        Path file = tmp.newFile("app.jar").toPath();
        Files.write(file, bytes);
        sha256 = RepositoryFixtures.sha256(file);
        release = RepositoryFixtures.release("app", "2.0", file);
        spool = tmp.newFolder("spool").toPath();
    }

    @After
    public void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    public void aRedirectToAnotherPortIsRefusedAndTheOtherServerGetsNoCredentials() throws Exception {
        List<Seen> elsewhere = new CopyOnWriteArrayList<>();
        HttpServer other = server(elsewhere, (exchange, body) -> respond(exchange, 201));
        String location =
                "http://mallory:stolen@127.0.0.1:" + other.getAddress().getPort() + "/steal";
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer repository = server(seen, (exchange, body) -> {
            if (exchange.getRequestMethod().equals("PUT")) {
                exchange.getResponseHeaders().add("Location", location);
                respond(exchange, 307);
            } else {
                respond(exchange, 404);
            }
        });

        RepositoryException e = assertThrows(RepositoryException.class, () -> publish(repository));

        assertTrue(e.isRefusal());
        assertThat(e.getMessage(), containsString("PUT " + base(repository) + "org/example/app/2.0/app-2.0.jar"));
        assertThat(
                e.getMessage(),
                containsString("was answered with a redirect (HTTP 307) to http://(credentials hidden)@127.0.0.1:"
                        + other.getAddress().getPort() + "/steal, another origin (scheme, host or port differ)"));
        assertThat(e.getMessage(), containsString("Redirects are never followed"));
        assertThat(e.getMessage(), containsString("set the environment's repository URL to it"));
        assertThat(e.getMessage(), not(containsString("stolen")));
        assertNoCredentialIn(e.getMessage());
        assertEquals(List.of(), elsewhere);
        assertEquals(
                List.of("GET", "HEAD", "PUT"), seen.stream().map(Seen::method).toList());
        assertEmptySpool();
    }

    @Test
    public void aRedirectToAnotherHostIsRefusedBeforeAnythingIsSentThere() throws Exception {
        List<Seen> elsewhere = new CopyOnWriteArrayList<>();
        HttpServer other = server(elsewhere, (exchange, body) -> respond(exchange, 200));
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer repository = server(seen, (exchange, body) -> {
            exchange.getResponseHeaders()
                    .add("Location", "http://localhost:" + other.getAddress().getPort() + "/x");
            respond(exchange, 302);
        });

        RepositoryException e = assertThrows(RepositoryException.class, () -> publish(repository));

        assertThat(
                e.getMessage(), containsString("GET " + base(repository) + "org/example/app/2.0/app-2.0-release.json"));
        assertThat(
                e.getMessage(),
                containsString(
                        "(HTTP 302) to http://localhost:" + other.getAddress().getPort() + "/x, another origin"));
        assertEquals(List.of(), elsewhere);
        assertEquals(1, seen.size());
        assertEquals("Basic " + BASIC, seen.get(0).authorization()); // only the configured server saw them
    }

    @Test
    public void aRedirectOnTheSameServerIsRefusedToo() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer repository = server(seen, (exchange, body) -> {
            if (exchange.getRequestURI().getPath().startsWith("/releases/")) {
                exchange.getResponseHeaders().add("Location", "/moved/");
                respond(exchange, 301);
            } else {
                respond(exchange, 404);
            }
        });

        RepositoryException e = assertThrows(RepositoryException.class, () -> publish(repository));

        assertThat(
                e.getMessage(),
                containsString("(HTTP 301) to " + base(repository).resolve("/moved/") + "."));
        assertThat(
                e.getMessage(),
                containsString("Set the environment's repository URL to the address the server" + " redirects to."));
        assertEquals(1, seen.size());
    }

    @Test
    public void anUnauthorizedAnswerIsExplainedWithoutThePassword() throws Exception {
        HttpServer repository = server(new CopyOnWriteArrayList<>(), (exchange, body) -> {
            if (exchange.getRequestMethod().equals("HEAD")) {
                respond(exchange, 404);
                return;
            }
            byte[] echo = ("bad credentials " + exchange.getRequestHeaders().getFirst("Authorization"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + PASSWORD + "\"");
            exchange.sendResponseHeaders(401, echo.length);
            exchange.getResponseBody().write(echo);
            exchange.close();
        });

        RepositoryException e = assertThrows(RepositoryException.class, () -> publish(repository));

        assertThat(e.getMessage(), containsString("failed with HTTP 401"));
        assertThat(e.getMessage(), containsString("did not accept the credentials (basic user 'deployer')"));
        assertNoCredentialIn(e.getMessage());
        assertNoCredentialIn(stackTrace(e));
        assertEmptySpool();
    }

    @Test
    public void aServerErrorOnEveryAttemptIsReportedWithoutThePassword() throws Exception {
        HttpServer repository = server(new CopyOnWriteArrayList<>(), (exchange, body) -> {
            byte[] echo = ("oops " + PASSWORD + " " + BASIC).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, echo.length);
            exchange.getResponseBody().write(echo);
            exchange.close();
        });

        RepositoryException e = assertThrows(RepositoryException.class, () -> publish(repository));

        assertThat(e.getMessage(), containsString("failed 4 times"));
        assertThat(e.getMessage(), containsString("last failure: HTTP 500"));
        assertNoCredentialIn(e.getMessage());
        assertNoCredentialIn(stackTrace(e));
    }

    @Test
    public void credentialsThatReachAnExceptionMessageAreHidden() {
        String leaky = "GET https://deployer:" + PASSWORD + "@nexus.example/x failed: Authorization: Basic " + BASIC;

        String redacted = CREDENTIALS.redact(leaky);

        assertEquals(
                "GET https://(credentials hidden)@nexus.example/x failed: Authorization: (credentials hidden)",
                redacted);
        assertEquals(
                "token (credentials hidden) and (credentials hidden)",
                HttpCredentials.bearer("abc.def").redact("token abc.def and Bearer abc.def"));
    }

    @Test
    public void aBaseUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new MavenHttpRepository(
                        URI.create("https://deployer:" + PASSWORD + "@nexus.example/releases"),
                        "org.example",
                        CREDENTIALS,
                        RetryPolicy.DEFAULT,
                        sleeps::add));

        assertThat(
                e.getMessage(),
                containsString("The Maven repository URL 'https://(credentials hidden)@nexus.example' carries"
                        + " credentials; remove them from the URL and configure a credentials id"));
        assertNoCredentialIn(e.getMessage());
    }

    @Test
    public void aVersionOrNameThatWouldLeaveItsSegmentIsRefusedBeforeAnyRequest() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer repository = server(seen, (exchange, body) -> respond(exchange, 404));
        MavenHttpRepository maven = repository(repository);

        for (String version : List.of("../x", "..", "1.0/../../x", "a/b", "a\\b", "1.0\n", "1.0%2F..", "")) {
            IllegalArgumentException e = assertThrows(
                    version,
                    IllegalArgumentException.class,
                    () -> maven.publish(
                            Release.of(
                                    "app", version, new ReleaseFile("app.jar", RepositoryFixtures.digest(sha256), 9)),
                            file -> () -> new ByteArrayInputStream(bytes),
                            null));
            assertThat(e.getMessage(), containsString("cannot be used in a repository path"));
        }
        assertEquals(List.of(), seen);
    }

    @Test
    public void everyUrlSegmentIsValidatedThenPercentEncoded() {
        for (Map.Entry<String, String> refused : Map.of(
                        "..", "is a dot segment",
                        ".", "is a dot segment",
                        "1..2", "contains '..'",
                        "a/b", "contains a path separator",
                        "a\\b", "contains a path separator",
                        "1.0\r\nX-Injected: 1", "contains a control character",
                        "", "is empty")
                .entrySet()) {
            IllegalArgumentException e = assertThrows(
                    refused.getKey(),
                    IllegalArgumentException.class,
                    () -> UrlSegments.encode("version", refused.getKey()));
            assertThat(
                    e.getMessage(),
                    containsString("cannot be a segment of the repository URL: it " + refused.getValue()));
            assertThat(e.getMessage(), containsString("Use letters, digits, '.', '_', '+' or '-'"));
        }
        IllegalArgumentException shown =
                assertThrows(IllegalArgumentException.class, () -> UrlSegments.encode("version", "1\r\n2"));
        assertThat(shown.getMessage(), containsString("The version '1\\u000d\\u000a2'"));
        assertEquals("1.4.0%252Fbuild", UrlSegments.encode("version", "1.4.0%2Fbuild"));
        assertEquals("a%20b%3F%23%3B%C3%A9+~", UrlSegments.encode("artifactId", "a b?#;é+~"));
    }

    @Test
    public void aGroupIdThatWouldChangeThePathIsRefused() {
        for (String groupId : List.of("com..example", "com/example", "com.example.", "..", "", "com.\u0000")) {
            IllegalArgumentException e = assertThrows(
                    groupId,
                    IllegalArgumentException.class,
                    () -> new MavenHttpRepository(
                            URI.create("https://nexus.example/releases/"),
                            groupId,
                            HttpCredentials.NONE,
                            RetryPolicy.DEFAULT,
                            sleeps::add));
            assertThat(e.getMessage(), containsString("groupId"));
        }
    }

    @Test
    public void bytesWithoutTheApprovedDigestAreNeverUploaded() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer repository = server(seen, (exchange, body) -> respond(exchange, 404));
        byte[] swapped = "swapped jar".getBytes(StandardCharsets.UTF_8);
        Path swappedFile = Files.write(tmp.newFile().toPath(), swapped);

        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository(repository).publish(release, file -> () -> new ByteArrayInputStream(swapped), null));

        assertTrue(e.isRefusal());
        assertThat(
                e.getMessage(),
                containsString("changed after its gates were evaluated: it was sha256 " + sha256 + " and is now sha256 "
                        + RepositoryFixtures.sha256(swappedFile) + "; nothing was written to " + base(repository)
                        + "org/example/app/2.0/ (the staged copy was deleted)"));
        assertEquals(List.of("GET", "HEAD"), seen.stream().map(Seen::method).toList());
        assertEmptySpool();
    }

    @Test
    public void theBytesAreSpooledToAnOwnerOnlyFileThatIsDeletedAfterUpload() throws Exception {
        Map<String, byte[]> stored = new ConcurrentHashMap<>();
        List<String> spoolsDuringUpload = new CopyOnWriteArrayList<>();
        HttpServer repository = server(new CopyOnWriteArrayList<>(), (exchange, body) -> {
            if (exchange.getRequestMethod().equals("PUT")) {
                try (Stream<Path> files = Files.list(spool)) {
                    for (Path file : files.toList()) {
                        spoolsDuringUpload.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                    }
                }
                stored.put(exchange.getRequestURI().getRawPath(), body);
                respond(exchange, 201);
            } else {
                respond(exchange, 404);
            }
        });

        Publication publication = publish(repository);

        assertTrue(publication.stored());
        assertEquals(bytes.length, publication.size());
        assertEquals(
                "jar bytes",
                new String(stored.get("/releases/org/example/app/2.0/app-2.0.jar"), StandardCharsets.UTF_8));
        assertEquals(
                sha256,
                new String(stored.get("/releases/org/example/app/2.0/app-2.0.jar.sha256"), StandardCharsets.UTF_8));
        assertEquals(
                "file, manifest and metadata, each with two checksums",
                java.util.Collections.nCopies(9, "rw-------"),
                spoolsDuringUpload);
        assertEmptySpool();
    }

    private Publication publish(HttpServer server) throws RepositoryException {
        return repository(server).publish(release, file -> () -> new ByteArrayInputStream(bytes), null);
    }

    private MavenHttpRepository repository(HttpServer server) {
        RetryPolicy quick = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(10));
        return new MavenHttpRepository(
                base(server), "org.example", CREDENTIALS, quick, sleeps::add, spool, java.time.Clock.systemUTC());
    }

    private static URI base(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/releases/");
    }

    private HttpServer server(List<Seen> seen, Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            handler.handle(exchange, body);
        });
        server.start();
        servers.add(server);
        return server;
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void assertEmptySpool() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(List.of(), files.toList());
        }
    }

    private static void assertNoCredentialIn(String text) {
        assertThat(text, not(containsString(PASSWORD)));
        assertThat(text, not(containsString(BASIC)));
        assertFalse(text, text.contains("Authorization: Basic"));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
