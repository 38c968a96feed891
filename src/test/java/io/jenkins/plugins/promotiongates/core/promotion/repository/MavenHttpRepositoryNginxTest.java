package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The Maven-layout HTTP repository against a real nginx with WebDAV PUT, and a real Maven client. */
public class MavenHttpRepositoryNginxTest {

    private static final String GROUP = "com.example.releases";
    private static final Path MAVEN_CACHE = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private NginxServer nginx;
    private final List<Duration> sleeps = new ArrayList<>();
    private final RetryPolicy retries =
            new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(20));
    private Path artifact;
    private String sha256;
    private final ArtifactCoordinates coordinates = new ArtifactCoordinates("app.tar.gz", "1.4.0");

    @Before
    public void startNginx() throws Exception {
        NginxServer.assumeInstalled();
        nginx = NginxServer.start(tmp.newFolder("nginx").toPath());
        artifact = tmp.newFile("app.tar.gz").toPath();
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(content);
        Files.write(artifact, content);
        sha256 = Fixtures.run("sha256sum", artifact.toString()).substring(0, 64);
    }

    @After
    public void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    private MavenHttpRepository repository(String path, HttpCredentials credentials) {
        return new MavenHttpRepository(URI.create(nginx.url(path)), GROUP, credentials, retries, sleeps::add);
    }

    @Test
    public void putsTheFileAndItsChecksumsInMavenLayoutAndMavenResolvesIt() throws Exception {
        MavenHttpRepository repository = repository("", HttpCredentials.NONE);

        Publication publication =
                repository.publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), null);

        assertTrue(publication.stored());
        assertEquals(nginx.url("com/example/releases/app/1.4.0/app-1.4.0.tar.gz"), publication.location());
        Path stored = nginx.root().resolve("com/example/releases/app/1.4.0/app-1.4.0.tar.gz");
        assertEquals(sha256, Fixtures.sha256(stored));
        assertEquals(sha256, Files.readString(stored.resolveSibling("app-1.4.0.tar.gz.sha256")));
        assertEquals(
                Fixtures.run("sha1sum", artifact.toString()).substring(0, 40),
                Files.readString(stored.resolveSibling("app-1.4.0.tar.gz.sha1")));
        assertEquals(Optional.of(sha256), repository.existingDigest(coordinates).map(ArtifactDigest::hex));
        assertEquals(List.of(), sleeps);

        Path resolved = mavenGet("com.example.releases:app:1.4.0:tar.gz");
        assertEquals(sha256, Fixtures.sha256(resolved));
    }

    @Test
    public void theSameDigestAgainIsANoopAndADifferentOneIsRefused() throws Exception {
        MavenHttpRepository repository = repository("", HttpCredentials.NONE);
        repository.publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), null);

        assertFalse(repository
                .publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), null)
                .stored());

        Path other = tmp.newFile("other.tar.gz").toPath();
        Files.writeString(other, "another build");
        String otherSha = Fixtures.sha256(other);
        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository.publish(coordinates, ArtifactContent.of(other), Fixtures.digest(otherSha), null));
        assertTrue(refusal.isRefusal());
        assertThat(refusal.getMessage(), containsString("already holds sha256 " + sha256));
        assertThat(refusal.getMessage(), containsString("this artifact is sha256 " + otherSha));
        assertEquals(sha256, Fixtures.sha256(nginx.root().resolve("com/example/releases/app/1.4.0/app-1.4.0.tar.gz")));
    }

    @Test
    public void anExistingFileWithoutChecksumIsHashedBeforeDeciding() throws Exception {
        Path existing = nginx.root().resolve("com/example/releases/app/1.4.0/app-1.4.0.tar.gz");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "uploaded by hand");

        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository("", HttpCredentials.NONE)
                        .publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), null));

        assertThat(refusal.getMessage(), containsString("already holds sha256 " + Fixtures.sha256(existing)));
        assertEquals("uploaded by hand", Files.readString(existing));
    }

    @Test
    public void basicCredentialsAreSentAndWrongOnesGetA401ThatNeverShowsThePassword() throws Exception {
        Publication ok = repository("secure/", HttpCredentials.basic(NginxServer.USER, NginxServer.PASSWORD))
                .publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), null);
        assertTrue(ok.stored());

        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository("secure/", HttpCredentials.basic(NginxServer.USER, "wrong-password"))
                        .publish(
                                new ArtifactCoordinates("app.tar.gz", "2.0.0"),
                                ArtifactContent.of(artifact),
                                Fixtures.digest(sha256),
                                null));
        assertThat(
                e.getMessage(),
                containsString("failed with HTTP 401: the repository did not accept the credentials"
                        + " (basic user 'deployer')"));
        assertThat(e.getMessage(), containsString("Check the credentials id"));
        assertThat(e.getMessage(), not(containsString("wrong-password")));
        assertEquals(List.of(), sleeps);
    }

    @Test
    public void forbiddenMissingAndConflictingLocationsGetClearErrors() {
        assertStatus(
                "readonly/",
                403,
                "the credentials (none) may not write there. Give that user deploy (write) permission");
        assertStatus("missing/", 404, "the repository does not exist at that URL. Check the URL");
        assertStatus("conflict/", 409, "the repository refused the file");
        assertStatus("small/", 413, "the file is larger than the server accepts");
        assertEquals("4xx answers are not retried", List.of(), sleeps);
    }

    @Test
    public void serverErrorsAreRetriedWithBackoffThenReported() {
        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository("broken/", HttpCredentials.NONE)
                        .publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), null));

        assertThat(
                e.getMessage(),
                containsString(
                        "HEAD " + nginx.url("broken/") + "com/example/releases/app/1.4.0/"
                                + "app-1.4.0.tar.gz failed 4 times (waiting 7000 ms in all between attempts); last failure: HTTP 503"));
        assertThat(e.getMessage(), containsString("check it and its log, then promote again"));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
    }

    @Test
    public void aFileWithoutExtensionIsRefusedForMavenLayout() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> repository("", HttpCredentials.NONE)
                        .publish(
                                new ArtifactCoordinates("app", "1.0"),
                                ArtifactContent.of(artifact),
                                Fixtures.digest(sha256),
                                null));
        assertThat(e.getMessage(), containsString("'app' has no extension, which a Maven repository needs"));
    }

    private void assertStatus(String path, int status, String explanation) {
        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository(path, HttpCredentials.NONE)
                        .publish(coordinates, ArtifactContent.of(artifact), Fixtures.digest(sha256), null));
        assertThat(e.getMessage(), containsString("PUT " + nginx.url(path)));
        assertThat(e.getMessage(), containsString("failed with HTTP " + status + ": " + explanation));
        assertFalse(e.isRefusal());
    }

    /** Resolves {@code artifact} from nginx with Maven, plugins from the local cache, checksums enforced. */
    private Path mavenGet(String artifact) throws Exception {
        Path plugin = MAVEN_CACHE.resolve(
                "org/apache/maven/plugins/maven-dependency-plugin/3.8.1/maven-dependency-plugin-3.8.1.jar");
        Assume.assumeTrue(
                "mvn and " + DEPENDENCY_PLUGIN + " in ~/.m2 are needed to prove the layout with a Maven client",
                Files.exists(plugin));
        Path local = tmp.newFolder("m2").toPath();
        Path settings = tmp.newFile("settings.xml").toPath();
        Files.writeString(
                settings,
                "<settings><localRepository>" + local + "</localRepository>"
                        + "<mirrors><mirror><id>cache</id><mirrorOf>*,!promoted</mirrorOf><url>" + MAVEN_CACHE.toUri()
                        + "</url></mirror></mirrors>"
                        + "<profiles><profile><id>promoted</id><repositories><repository><id>promoted</id><url>"
                        + nginx.url("") + "</url><releases><checksumPolicy>fail</checksumPolicy></releases>"
                        + "<snapshots><enabled>false</enabled></snapshots></repository></repositories></profile></profiles>"
                        + "<activeProfiles><activeProfile>promoted</activeProfile></activeProfiles></settings>");
        Fixtures.run(
                "mvn",
                "-B",
                "-q",
                "-s",
                settings.toString(),
                DEPENDENCY_PLUGIN + ":get",
                "-Dartifact=" + artifact,
                "-Dtransitive=false");
        return local.resolve("com/example/releases/app/1.4.0/app-1.4.0.tar.gz");
    }
}
