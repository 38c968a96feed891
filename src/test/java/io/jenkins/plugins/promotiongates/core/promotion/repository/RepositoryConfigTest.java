package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class RepositoryConfigTest {

    private static final String FIELD = "environments[production].repository";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theThreeFormsAreRead() {
        assertEquals(
                new RepositoryConfig.FileSystem(Path.of("/srv/releases/production")),
                RepositoryConfig.parse("file:/srv/releases/production", FIELD));
        assertEquals(
                new RepositoryConfig.FileSystem(Path.of("/srv/releases")),
                RepositoryConfig.parse("file:///srv/releases", FIELD));
        assertEquals(
                new RepositoryConfig.Maven(URI.create("https://nexus.example/repository/releases"), "com.example"),
                RepositoryConfig.parse("maven:https://nexus.example/repository/releases;groupId=com.example", FIELD));
        assertEquals(new RepositoryConfig.RecordOnly(), RepositoryConfig.parse("record-only:", FIELD));
        assertEquals(new RepositoryConfig.RecordOnly(), RepositoryConfig.parse("", FIELD));
    }

    @Test
    public void badSettingsAreRefusedNamingTheSettingReasonAndForms() {
        assertRefused("s3://bucket/releases", "'s3://bucket/releases' has no known scheme");
        assertRefused("production-releases", "'production-releases' has no known scheme");
        assertRefused("file:relative/dir", "must name an absolute directory without '..'");
        assertRefused("file:/srv/../etc", "must name an absolute directory without '..'");
        assertRefused("maven:https://nexus.example/repo", "has no ;groupId=");
        assertRefused("maven:ftp://nexus.example/repo;groupId=com.example", "must hold an http:// or https:// URL");
        assertRefused("maven:https://nexus.example/repo;groupId=com..example", "is not dotted letters");
        assertRefused("maven:https://nexus.example/r?x=1;groupId=com.example", "without ?query");
    }

    @Test
    public void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RepositoryConfig.parse("maven:https://bob:hunter2@nexus.example/r;groupId=a", FIELD));
        assertThat(e.getMessage(), containsString("carries credentials in the URL"));
        assertThat(e.getMessage(), not(containsString("hunter2")));
    }

    @Test
    public void repositoriesOpenByScheme() throws Exception {
        Repositories repositories = Repositories.standard();
        String dir = tmp.getRoot().toString();
        assertThat(
                repositories.open("file:" + dir, "production", HttpCredentials.NONE),
                instanceOf(FileSystemRepository.class));
        assertThat(
                repositories.open("maven:http://127.0.0.1:1/r;groupId=a.b", "production", HttpCredentials.NONE),
                instanceOf(MavenHttpRepository.class));
        assertThat(repositories.open("", "production", HttpCredentials.NONE), instanceOf(RecordOnlyRepository.class));
        assertEquals(true, Repositories.needsCredentials("maven:https://h/r;groupId=a", "production"));
        assertEquals(false, Repositories.needsCredentials("file:/srv", "production"));
    }

    private static void assertRefused(String setting, String reason) {
        IllegalArgumentException e =
                assertThrows(setting, IllegalArgumentException.class, () -> RepositoryConfig.parse(setting, FIELD));
        assertThat(e.getMessage(), containsString(FIELD + " "));
        assertThat(e.getMessage(), containsString(reason));
        assertThat(e.getMessage(), containsString("Use one of: file:/absolute/directory"));
    }
}
