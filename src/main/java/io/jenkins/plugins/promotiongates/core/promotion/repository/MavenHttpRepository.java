package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Maven-layout repository over HTTP, as Nexus, Artifactory, Reposilite and WebDAV servers accept:
 * {@code <base>/<groupId as path>/<name without extension>/<version>/<name without extension>-<version>.<extension>}
 * with {@code .sha256} and {@code .sha1} checksum files beside it. Before writing it asks the server
 * what is there (HEAD, then the {@code .sha256} file, or the file itself), so that an existing different
 * file is never overwritten; the PUT carries {@code If-None-Match: *} as well.
 */
public final class MavenHttpRepository implements ArtifactRepository {

    private static final int MAX_CHECKSUM_BYTES = 1024;

    private final URI base;
    private final String groupId;
    private final RetryingHttp http;

    /**
     * @param base the repository URL, such as {@code https://nexus.example/repository/releases/}
     * @param groupId the Maven groupId artifacts are promoted under, such as {@code com.example.releases}
     */
    public MavenHttpRepository(
            URI base, String groupId, HttpCredentials credentials, RetryPolicy retries, Sleeper sleeper) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.groupId = groupId;
        this.http = new RetryingHttp(credentials, retries, sleeper);
    }

    @Override
    public String describe() {
        return "maven:" + base + ";groupId=" + groupId;
    }

    @Override
    public String location(ArtifactCoordinates coordinates) {
        return uri(coordinates, "").toString();
    }

    @Override
    public Optional<String> existingSha256(ArtifactCoordinates coordinates) throws RepositoryException {
        requireExtension(coordinates);
        URI file = uri(coordinates, "");
        HttpResponse<Void> head = http.send(
                "HEAD",
                file,
                () -> http.request(file)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess("HEAD", file, head.statusCode());
        Optional<String> recorded = checksumFile(uri(coordinates, ".sha256"));
        return recorded.isPresent() ? recorded : Optional.of(hashRemote(file));
    }

    @Override
    public Publication publish(ArtifactCoordinates coordinates, Path file, String expectedSha256, byte[] record)
            throws RepositoryException {
        Sha256Hex.require(expectedSha256);
        requireExtension(coordinates);
        URI target = uri(coordinates, "");
        Optional<String> existing = existingSha256(coordinates);
        if (existing.isPresent()) {
            return alreadyThere(coordinates, expectedSha256, existing.get());
        }
        long size = size(file);
        AtomicReference<Hashes> sent = new AtomicReference<>();
        HttpResponse<Void> put = http.send(
                "PUT",
                target,
                () -> http.request(target)
                        .header("If-None-Match", "*")
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> open(file, sent)), size))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (put.statusCode() == 412) {
            return alreadyThere(
                    coordinates, expectedSha256, existingSha256(coordinates).orElse("(none)"));
        }
        requireSuccess("PUT", target, put.statusCode());
        Hashes hashes = sent.get();
        String sentSha256 = HexFormat.of().formatHex(hashes.sha256().digest());
        if (!Sha256Hex.equal(sentSha256, expectedSha256)) {
            delete(target);
            throw new RepositoryException(
                    "The artifact " + file + " changed after its gates were evaluated: it was sha256 "
                            + expectedSha256 + " and sha256 " + sentSha256 + " was sent; the upload to " + target
                            + " was deleted. Make sure nothing rewrites the file during promoteArtifact, then"
                            + " promote again.",
                    true);
        }
        putText(uri(coordinates, ".sha256"), sentSha256);
        putText(
                uri(coordinates, ".sha1"),
                HexFormat.of().formatHex(hashes.sha1().digest()));
        return new Publication(true, target.toString(), sentSha256, size);
    }

    private Publication alreadyThere(ArtifactCoordinates coordinates, String expected, String existing)
            throws RepositoryException {
        URI target = uri(coordinates, "");
        if (!Sha256Hex.equal(existing, expected)) {
            throw new RepositoryException(
                    "Refusing to overwrite " + target + ": " + coordinates + " already holds sha256 " + existing
                            + ", and this artifact is sha256 " + expected + ". A promoted version is immutable;"
                            + " promote this artifact under a new version.",
                    true);
        }
        return new Publication(false, target.toString(), expected, -1);
    }

    private Optional<String> checksumFile(URI uri) throws RepositoryException {
        HttpResponse<InputStream> response =
                http.send("GET", uri, () -> http.request(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            requireSuccess("GET", uri, response.statusCode());
            String text = new String(body.readNBytes(MAX_CHECKSUM_BYTES), StandardCharsets.US_ASCII)
                    .trim()
                    .toLowerCase(Locale.ROOT);
            String hex = text.length() >= 64 ? text.substring(0, 64) : text;
            return Sha256Hex.isValid(hex) ? Optional.of(hex) : Optional.empty();
        } catch (IOException e) {
            throw new RepositoryException("Reading " + uri + " failed: " + e.getMessage(), e);
        }
    }

    private String hashRemote(URI uri) throws RepositoryException {
        HttpResponse<InputStream> response =
                http.send("GET", uri, () -> http.request(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
        try (InputStream body = new DigestInputStream(response.body(), sha256)) {
            requireSuccess("GET", uri, response.statusCode());
            body.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new RepositoryException("Reading " + uri + " to compare digests failed: " + e.getMessage(), e);
        }
    }

    private void putText(URI uri, String text) throws RepositoryException {
        HttpResponse<Void> response = http.send(
                "PUT",
                uri,
                () -> http.request(uri)
                        .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.US_ASCII))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        requireSuccess("PUT", uri, response.statusCode());
    }

    private void delete(URI uri) {
        try {
            http.send("DELETE", uri, () -> http.request(uri).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (RepositoryException e) {
            // the refusal that follows says what happened; the upload may stay for an administrator to remove
        }
    }

    private void requireSuccess(String action, URI uri, int status) throws RepositoryException {
        if (status < 200 || status > 299) {
            throw HttpStatusExplanation.explain(action, uri, status, http.credentials());
        }
    }

    private static InputStream open(Path file, AtomicReference<Hashes> sink) {
        try {
            Hashes hashes = new Hashes(DigestAlgorithm.SHA256.newMessageDigest(), sha1());
            sink.set(hashes);
            return new DigestInputStream(
                    new DigestInputStream(Files.newInputStream(file), hashes.sha256()), hashes.sha1());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) throws RepositoryException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new RepositoryException("Cannot read the artifact " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha1() {
        try {
            // Only for the .sha1 file Maven clients check by default; no security decision rests on it.
            return MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-1, which every Java SE runtime must provide", e);
        }
    }

    private static void requireExtension(ArtifactCoordinates coordinates) {
        if (coordinates.extension().isEmpty()) {
            throw new IllegalArgumentException("The artifact file name '" + coordinates.name()
                    + "' has no extension, which a Maven repository needs as the artifact's type; give the file"
                    + " an extension such as .jar, .zip or .tar.gz.");
        }
    }

    private URI uri(ArtifactCoordinates c, String suffix) {
        String artifactId = c.baseName();
        String file = artifactId + "-" + c.version() + (c.extension().isEmpty() ? "" : "." + c.extension());
        return base.resolve(groupId.replace('.', '/') + "/" + artifactId + "/" + c.version() + "/" + file + suffix);
    }

    private record Hashes(MessageDigest sha256, MessageDigest sha1) {}
}
