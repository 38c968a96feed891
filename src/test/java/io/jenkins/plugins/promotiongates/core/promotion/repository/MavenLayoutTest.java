package io.jenkins.plugins.promotiongates.core.promotion.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** How a release is laid out as one Maven artifact, and the metadata that lists its versions. */
public class MavenLayoutTest {

    private static final URI BASE = URI.create("https://nexus.example/releases/");

    @Test
    public void theApplicationGivesTheCoordinatesAndEachFileItsClassifier() {
        MavenLayout layout = layout(
                "payments/api",
                "1.4.0",
                "api.jar",
                "api-1.4.0-sources.jar",
                "api-javadoc.jar",
                "docs.zip",
                "api.tar.gz",
                "openapi.yaml");

        assertEquals("com.example.payments", layout.groupId());
        assertEquals("api", layout.artifactId());
        String version = "https://nexus.example/releases/com/example/payments/api/1.4.0/";
        assertEquals(version, layout.versionDirectory().toString());
        assertEquals(version + "api-1.4.0.jar", layout.file("api.jar").toString());
        assertEquals(
                version + "api-1.4.0-sources.jar",
                layout.file("api-1.4.0-sources.jar").toString());
        assertEquals(
                version + "api-1.4.0-javadoc.jar",
                layout.file("api-javadoc.jar").toString());
        assertEquals(version + "api-1.4.0-docs.zip", layout.file("docs.zip").toString());
        assertEquals(version + "api-1.4.0.tar.gz", layout.file("api.tar.gz").toString());
        assertEquals(
                version + "api-1.4.0-openapi.yaml", layout.file("openapi.yaml").toString());
        assertEquals(version + "api-1.4.0-release.json", layout.manifest().toString());
        assertEquals(
                "https://nexus.example/releases/com/example/payments/api/maven-metadata.xml",
                layout.metadata().toString());
    }

    @Test
    public void twoFilesThatWouldShareAMavenNameAreRefusedNamingBoth() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> layout("shop", "1.0", "docs.zip", "shop-docs.zip"));
        assertThat(
                e.getMessage(),
                containsString("its file 'shop-docs.zip' and the file 'docs.zip' would both be shop-1.0-docs.zip"));
        assertThat(e.getMessage(), containsString("Rename one."));

        IllegalArgumentException manifest =
                assertThrows(IllegalArgumentException.class, () -> layout("shop", "1.0", "release.json"));
        assertThat(manifest.getMessage(), containsString("and the release's manifest would both be"));
    }

    @Test
    public void anApplicationMavenCannotNameIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> layout("c++/tool", "1.0", "tool.zip"));
        assertThat(e.getMessage(), containsString("The application name 'c++/tool' cannot be a Maven groupId"));
        assertThat(e.getMessage(), containsString("Maven allows no '+'"));
    }

    @Test
    public void theMetadataKeepsOtherVersionsAndMakesThePromotedOneTheRelease() throws Exception {
        byte[] existing = ("<?xml version=\"1.0\"?><metadata><groupId>com.example</groupId><artifactId>shop"
                        + "</artifactId><versioning><latest>2.0</latest><release>2.0</release><versions>"
                        + "<version>1.0</version><version>2.0</version></versions></versioning></metadata>")
                .getBytes(StandardCharsets.UTF_8);
        MavenMetadata metadata = MavenMetadata.parse(existing, "com.example", "shop", "metadata");

        assertEquals(List.of("1.0", "2.0"), metadata.versions());
        String written = new String(
                metadata.withVersion("com.example", "shop", "1.1", Instant.parse("2025-01-02T03:04:05Z")),
                StandardCharsets.UTF_8);
        assertThat(
                written,
                containsString("<latest>1.1</latest>\n    <release>1.1</release>\n    <versions>\n"
                        + "      <version>1.0</version>\n      <version>2.0</version>\n      <version>1.1</version>\n"
                        + "    </versions>\n    <lastUpdated>20250102030405</lastUpdated>"));
        assertEquals(
                List.of("1.0", "2.0", "1.1"),
                MavenMetadata.parse(written.getBytes(StandardCharsets.UTF_8), "com.example", "shop", "again")
                        .versions());
    }

    @Test
    public void metadataOfAnotherArtifactOrWithEntitiesIsRefused() {
        byte[] other = "<metadata><groupId>org.other</groupId><artifactId>shop</artifactId></metadata>"
                .getBytes(StandardCharsets.UTF_8);
        java.io.IOException e = assertThrows(
                java.io.IOException.class, () -> MavenMetadata.parse(other, "com.example", "shop", "the metadata"));
        assertThat(
                e.getMessage(),
                containsString(
                        "the metadata is not the Maven metadata of com.example:shop (it" + " names org.other:shop)"));

        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE metadata [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                        + "<metadata><versioning><versions><version>&x;</version></versions></versioning></metadata>")
                .getBytes(StandardCharsets.UTF_8);
        java.io.IOException entity = assertThrows(
                java.io.IOException.class, () -> MavenMetadata.parse(xxe, "com.example", "shop", "the metadata"));
        assertThat(entity.getMessage(), containsString("the metadata is not well-formed XML without a DOCTYPE"));
    }

    private static MavenLayout layout(String application, String version, String... names) {
        List<ReleaseFile> files = new ArrayList<>();
        for (String name : names) {
            files.add(new ReleaseFile(name, RepositoryFixtures.digest("a".repeat(64)), 1));
        }
        return new MavenLayout(BASE, "com.example", new Release(application, version, files));
    }
}
