package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.release.Release;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Maven-layout HTTP repository against a real nginx with WebDAV PUT, and a real Maven client that
 * resolves exact versions, and {@code RELEASE} through the metadata the repository writes last.
 */
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
    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:34:56Z"), ZoneOffset.UTC);
    private Path build;
    private Path artifact;
    private String sha256;
    private Release release;

    @Before
    public void startNginx() throws Exception {
        NginxServer.assumeInstalled();
        nginx = NginxServer.start(tmp.newFolder("nginx").toPath());
        build = tmp.newFolder("build").toPath();
        artifact = build.resolve("app.tar.gz");
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(content);
        Files.write(artifact, content);
        sha256 = RepositoryFixtures.run("sha256sum", artifact.toString()).substring(0, 64);
        release = RepositoryFixtures.release("app", "1.4.0", artifact);
    }

    @After
    public void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    private MavenHttpRepository repository(String path, HttpCredentials credentials) {
        return new MavenHttpRepository(
                URI.create(nginx.url(path)), GROUP, credentials, retries, sleeps::add, null, clock);
    }

    @Test
    public void keepsThePromotionRecordBesideTheManifest() throws Exception {
        MavenHttpRepository repository = repository("", HttpCredentials.NONE);
        byte[] record = "{\"format\":2}".getBytes(StandardCharsets.UTF_8);

        assertTrue(repository
                .publish(release, RepositoryFixtures.contentIn(build), record)
                .stored());

        Path version = nginx.root().resolve("com/example/releases/app/1.4.0");
        assertArrayEquals(record, Files.readAllBytes(version.resolve("app-1.4.0-promotion.json")));
        assertEquals(
                RepositoryFixtures.sha256(version.resolve("app-1.4.0-promotion.json")),
                Files.readString(version.resolve("app-1.4.0-promotion.json.sha256")));
        assertTrue(Files.exists(version.resolve("app-1.4.0-promotion.json.sha1")));
    }

    @Test
    public void putsTheFileItsChecksumsTheManifestThenTheMetadataAndMavenResolvesIt() throws Exception {
        MavenHttpRepository repository = repository("", HttpCredentials.NONE);

        byte[] attestation = "{\"payloadType\":\"application/vnd.in-toto+json\"}".getBytes(StandardCharsets.UTF_8);
        Publication publication = repository.publish(release, RepositoryFixtures.contentIn(build), null, attestation);

        assertTrue(publication.stored());
        assertEquals(nginx.url("com/example/releases/app/1.4.0/"), publication.location());
        assertEquals(publication.location(), repository.location(release));
        Path version = nginx.root().resolve("com/example/releases/app/1.4.0");
        Path stored = version.resolve("app-1.4.0.tar.gz");
        assertEquals(sha256, RepositoryFixtures.sha256(stored));
        assertEquals(sha256, Files.readString(stored.resolveSibling("app-1.4.0.tar.gz.sha256")));
        assertEquals(
                RepositoryFixtures.run("sha1sum", artifact.toString()).substring(0, 40),
                Files.readString(stored.resolveSibling("app-1.4.0.tar.gz.sha1")));
        assertArrayEquals(release.manifest(), Files.readAllBytes(version.resolve("app-1.4.0-release.json")));
        assertArrayEquals(attestation, Files.readAllBytes(version.resolve("app-1.4.0-promotion.intoto.json")));
        assertTrue(Files.exists(version.resolve("app-1.4.0-promotion.intoto.json.sha256")));
        Path metadata = nginx.root().resolve("com/example/releases/app/maven-metadata.xml");
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n  <groupId>com.example.releases</groupId>\n"
                        + "  <artifactId>app</artifactId>\n  <versioning>\n    <latest>1.4.0</latest>\n"
                        + "    <release>1.4.0</release>\n    <versions>\n      <version>1.4.0</version>\n"
                        + "    </versions>\n    <lastUpdated>20250601123456</lastUpdated>\n  </versioning>\n"
                        + "</metadata>\n",
                Files.readString(metadata));
        assertEquals(
                RepositoryFixtures.run("sha1sum", metadata.toString()).substring(0, 40),
                Files.readString(metadata.resolveSibling("maven-metadata.xml.sha1")));
        assertEquals(
                RepositoryFixtures.sha256(metadata),
                Files.readString(metadata.resolveSibling("maven-metadata.xml.sha256")));
        assertEquals(Map.of("app.tar.gz", sha256), FileSystemRepositoryTest.hex(repository.stored(release)));
        assertEquals(List.of(), sleeps);

        Path resolved = mavenGet("com.example.releases:app:1.4.0:tar.gz", "app/1.4.0/app-1.4.0.tar.gz");
        assertEquals(sha256, RepositoryFixtures.sha256(resolved));
    }

    @Test
    public void aReleaseOfSeveralFilesIsOneArtifactWithClassifiersListedInTheMetadata() throws Exception {
        MavenHttpRepository repository = repository("", HttpCredentials.NONE);
        Path docs = Files.writeString(build.resolve("docs.zip"), "documentation");
        Path sources = Files.writeString(build.resolve("shop-1.4.0-sources.jar"), "sources");
        Path shop = Files.copy(artifact, build.resolve("shop.tar.gz"));
        Release first = RepositoryFixtures.release("shop", "1.4.0", shop, docs, sources);
        repository.publish(first, RepositoryFixtures.contentIn(build), null);
        Files.writeString(docs, "documentation 1.5.0");
        Release second = RepositoryFixtures.release("shop", "1.5.0", shop, docs);

        Publication publication = repository.publish(second, RepositoryFixtures.contentIn(build), null);

        assertTrue(publication.stored());
        assertEquals(
                List.of(
                        "shop-1.4.0-docs.zip",
                        "shop-1.4.0-docs.zip.sha1",
                        "shop-1.4.0-docs.zip.sha256",
                        "shop-1.4.0-release.json",
                        "shop-1.4.0-release.json.sha1",
                        "shop-1.4.0-release.json.sha256",
                        "shop-1.4.0-sources.jar",
                        "shop-1.4.0-sources.jar.sha1",
                        "shop-1.4.0-sources.jar.sha256",
                        "shop-1.4.0.tar.gz",
                        "shop-1.4.0.tar.gz.sha1",
                        "shop-1.4.0.tar.gz.sha256"),
                FileSystemRepositoryTest.entries(nginx.root().resolve("com/example/releases/shop/1.4.0")));
        assertThat(
                Files.readString(nginx.root().resolve("com/example/releases/shop/maven-metadata.xml")),
                containsString("<latest>1.5.0</latest>\n    <release>1.5.0</release>\n    <versions>\n"
                        + "      <version>1.4.0</version>\n      <version>1.5.0</version>\n    </versions>"));

        Path resolved = mavenGet("com.example.releases:shop:RELEASE:zip:docs", "shop/1.5.0/shop-1.5.0-docs.zip");
        assertEquals("documentation 1.5.0", Files.readString(resolved));
    }

    @Test
    public void aFailureMidwayListsWhatWasUploadedAndWhatNotAndWritesNoMetadata() throws Exception {
        MavenHttpRepository repository = repository("", HttpCredentials.NONE);
        Path shop = Files.copy(artifact, build.resolve("shop.tar.gz"));
        Path refused = Files.writeString(build.resolve("tests-refused.zip"), "the server refuses this path");
        Release both = RepositoryFixtures.release("shop", "2.0", shop, refused);
        String version = nginx.url("com/example/releases/shop/2.0/");

        RepositoryException e = assertThrows(
                RepositoryException.class, () -> repository.publish(both, RepositoryFixtures.contentIn(build), null));

        assertFalse(e.isRefusal());
        assertThat(
                e.getMessage(),
                containsString("Publishing " + both + " to " + version + " failed midway: PUT " + version
                        + "shop-2.0-tests-refused.zip failed with HTTP 403"));
        assertThat(
                e.getMessage(),
                containsString("The server cannot hide uploaded files, so these 3 are on it now: " + version
                        + "shop-2.0.tar.gz, " + version + "shop-2.0.tar.gz.sha256, " + version
                        + "shop-2.0.tar.gz.sha1. Not uploaded (9): " + version + "shop-2.0-tests-refused.zip, "
                        + version
                        + "shop-2.0-tests-refused.zip.sha256, " + version + "shop-2.0-tests-refused.zip.sha1, "
                        + version
                        + "shop-2.0-release.json, " + version + "shop-2.0-release.json.sha256, " + version
                        + "shop-2.0-release.json.sha1, " + nginx.url("com/example/releases/shop/maven-metadata.xml")
                        + ", " + nginx.url("com/example/releases/shop/maven-metadata.xml.sha256") + ", "
                        + nginx.url("com/example/releases/shop/maven-metadata.xml.sha1") + "."));
        assertThat(
                e.getMessage(),
                containsString("maven-metadata.xml was not updated, so Maven clients resolving versions (a range,"
                        + " LATEST, RELEASE) do not see 2.0"));
        assertThat(e.getMessage(), containsString("Promote again once the cause is fixed"));
        assertEquals(
                List.of("shop-2.0.tar.gz", "shop-2.0.tar.gz.sha1", "shop-2.0.tar.gz.sha256"),
                FileSystemRepositoryTest.entries(nginx.root().resolve("com/example/releases/shop/2.0")));
        assertEquals(
                List.of("2.0"), FileSystemRepositoryTest.entries(nginx.root().resolve("com/example/releases/shop")));
        assertEquals(Map.of("shop.tar.gz", sha256), FileSystemRepositoryTest.hex(repository.stored(both)));
    }

    @Test
    public void theSameReleaseAgainIsANoopAndADifferentOneIsRefusedBeforeAnyUpload() throws Exception {
        MavenHttpRepository repository = repository("", HttpCredentials.NONE);
        repository.publish(release, RepositoryFixtures.contentIn(build), null);
        Path metadata = nginx.root().resolve("com/example/releases/app/maven-metadata.xml");
        long written = Files.getLastModifiedTime(metadata).toMillis();

        assertFalse(repository
                .publish(release, RepositoryFixtures.contentIn(build), null)
                .stored());
        assertEquals(written, Files.getLastModifiedTime(metadata).toMillis());

        Path other = tmp.newFolder("other").toPath();
        Files.writeString(other.resolve("app.tar.gz"), "another build");
        Files.writeString(other.resolve("notes.txt"), "notes");
        Release different = RepositoryFixtures.release("app", "1.4.0", other.resolve("notes.txt"), artifact);
        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository.publish(different, RepositoryFixtures.contentIn(other), null));
        assertTrue(refusal.isRefusal());
        assertThat(
                refusal.getMessage(),
                containsString("that version already holds the release " + release.digest() + " (its manifest is "
                        + nginx.url("com/example/releases/app/1.4.0/app-1.4.0-release.json") + ")"));
        assertFalse(Files.exists(nginx.root().resolve("com/example/releases/app/1.4.0/app-1.4.0-notes.txt")));
        assertEquals(
                sha256,
                RepositoryFixtures.sha256(nginx.root().resolve("com/example/releases/app/1.4.0/app-1.4.0.tar.gz")));
    }

    @Test
    public void anExistingFileWithoutChecksumIsHashedBeforeDeciding() throws Exception {
        Path existing = nginx.root().resolve("com/example/releases/app/1.4.0/app-1.4.0.tar.gz");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "uploaded by hand");

        RepositoryException refusal = assertThrows(
                RepositoryException.class,
                () -> repository("", HttpCredentials.NONE).publish(release, RepositoryFixtures.contentIn(build), null));

        assertThat(
                refusal.getMessage(),
                containsString("Refusing to overwrite " + nginx.url("com/example/releases/app/1.4.0/app-1.4.0.tar.gz")
                        + ": it already holds sha256 " + RepositoryFixtures.sha256(existing)
                        + ", and the file app.tar.gz of "
                        + release + " is sha256 " + sha256));
        assertEquals("uploaded by hand", Files.readString(existing));
        assertEquals(List.of("app-1.4.0.tar.gz"), FileSystemRepositoryTest.entries(existing.getParent()));
    }

    @Test
    public void basicCredentialsAreSentAndWrongOnesGetA401ThatNeverShowsThePassword() throws Exception {
        Publication ok = repository("secure/", HttpCredentials.basic(NginxServer.USER, NginxServer.PASSWORD))
                .publish(release, RepositoryFixtures.contentIn(build), null);
        assertTrue(ok.stored());

        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository("secure/", HttpCredentials.basic(NginxServer.USER, "wrong-password"))
                        .publish(
                                RepositoryFixtures.release("app", "2.0.0", artifact),
                                RepositoryFixtures.contentIn(build),
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
                        .publish(release, RepositoryFixtures.contentIn(build), null));

        assertThat(
                e.getMessage(),
                containsString("GET " + nginx.url("broken/") + "com/example/releases/app/1.4.0/"
                        + "app-1.4.0-release.json failed 4 times (waiting 7000 ms in all between attempts);"
                        + " last failure: HTTP 503"));
        assertThat(e.getMessage(), containsString("check it and its log, then promote again"));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
    }

    @Test
    public void aFileWithoutExtensionIsRefusedForMavenLayout() throws Exception {
        Path bare = Files.writeString(build.resolve("app"), "no extension");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> repository("", HttpCredentials.NONE)
                        .publish(
                                RepositoryFixtures.release("app", "1.0", bare),
                                RepositoryFixtures.contentIn(build),
                                null));
        assertThat(e.getMessage(), containsString("'app' has no extension, which a Maven repository needs"));
    }

    private void assertStatus(String path, int status, String explanation) {
        RepositoryException e = assertThrows(
                RepositoryException.class,
                () -> repository(path, HttpCredentials.NONE)
                        .publish(release, RepositoryFixtures.contentIn(build), null));
        assertThat(e.getMessage(), containsString("PUT " + nginx.url(path)));
        assertThat(e.getMessage(), containsString("failed with HTTP " + status + ": " + explanation));
        assertFalse(e.isRefusal());
    }

    /** Resolves {@code artifact} from nginx with Maven, plugins from the local cache, checksums enforced. */
    private Path mavenGet(String artifact, String resolvedPath) throws Exception {
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
        RepositoryFixtures.run(
                "mvn",
                "-B",
                "-q",
                "-s",
                settings.toString(),
                DEPENDENCY_PLUGIN + ":get",
                "-Dartifact=" + artifact,
                "-Dtransitive=false");
        return local.resolve("com/example/releases/" + resolvedPath);
    }
}
