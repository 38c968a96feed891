package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.audit.Sha256;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Maven-layout repository over HTTP, as Nexus, Artifactory, Reposilite and WebDAV servers accept:
 * {@code <base>/<groupId as path>/<name without extension>/<version>/<name without extension>-<version>.<extension>}
 * with {@code .sha256} and {@code .sha1} checksum files beside it. Before writing it asks the server
 * what is there (HEAD, then the {@code .sha256} file, or the file itself), so that an existing different
 * file is never overwritten; the PUT carries {@code If-None-Match: *} as well.
 *
 * <p>Nothing is uploaded before its digest is known: the artifact's bytes are spooled, hashed on the
 * way, to a private temporary file (owner-only permissions), compared in constant time with the digest
 * the gates were evaluated for, and only then uploaded from the spool, which is deleted afterwards in
 * every case. URL paths are built from validated, percent-encoded segments only ({@link UrlSegments}),
 * redirects are refused rather than followed ({@link RetryingHttp}), and no message carries a
 * credential ({@link HttpCredentials#redact}).
 */
public final class MavenHttpRepository implements ArtifactRepository {

    private static final int MAX_CHECKSUM_BYTES = 1024;

    private final URI base;
    private final String groupId;
    private final String groupPath;
    private final RetryingHttp http;
    private final Path spoolDirectory;

    /**
     * @param base the repository URL, such as {@code https://nexus.example/repository/releases/}: http or
     *     https, with a host, without credentials, query or fragment
     * @param groupId the Maven groupId artifacts are promoted under, such as {@code com.example.releases}
     * @throws IllegalArgumentException naming what is wrong with {@code base} or {@code groupId} (never
     *     repeating credentials)
     */
    public MavenHttpRepository(
            URI base, String groupId, HttpCredentials credentials, RetryPolicy retries, Sleeper sleeper) {
        this(base, groupId, credentials, retries, sleeper, null);
    }

    /** @param spoolDirectory where artifacts are spooled before upload; {@code null} for the system's temporary directory */
    MavenHttpRepository(
            URI base,
            String groupId,
            HttpCredentials credentials,
            RetryPolicy retries,
            Sleeper sleeper,
            Path spoolDirectory) {
        this.base = checkedBase(base);
        this.groupId = groupId;
        this.groupPath = groupPath(groupId);
        this.http = new RetryingHttp(credentials, retries, sleeper);
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public String describe() {
        return "maven:" + base + ";groupId=" + groupId;
    }

    @Override
    public String location(Release release) {
        return release.files().size() == 1
                ? location(new ArtifactCoordinates(release.files().get(0).name(), release.version()))
                : describe();
    }

    @Override
    public Map<String, ArtifactDigest> stored(Release release) throws RepositoryException {
        Map<String, ArtifactDigest> stored = new TreeMap<>();
        for (ReleaseFile file : release.files()) {
            existingDigest(new ArtifactCoordinates(file.name(), release.version()))
                    .ifPresent(digest -> stored.put(file.name(), digest));
        }
        return stored;
    }

    @Override
    public Publication publish(Release release, ReleaseContent content, byte[] record) throws RepositoryException {
        boolean written = false;
        long size = 0;
        for (ReleaseFile file : release.files()) {
            Publication one = publish(
                    new ArtifactCoordinates(file.name(), release.version()), content.of(file), file.digest(), record);
            written |= one.stored();
            size += Math.max(0, one.size());
        }
        return new Publication(written, location(release), size);
    }

    /** Where the file {@code coordinates} is or would be stored. */
    public String location(ArtifactCoordinates coordinates) {
        return uri(coordinates, "").toString();
    }

    /** The SHA-256 of what is stored under {@code coordinates} now, if anything. */
    public Optional<ArtifactDigest> existingDigest(ArtifactCoordinates coordinates) throws RepositoryException {
        Optional<String> hex = existingHex(coordinates);
        return hex.map(value -> ArtifactDigest.ofHex(DigestAlgorithm.SHA256, value, location(coordinates)));
    }

    private Optional<String> existingHex(ArtifactCoordinates coordinates) throws RepositoryException {
        try {
            return existing(coordinates);
        } catch (RepositoryException e) {
            throw http.redact(e);
        }
    }

    private Optional<String> existing(ArtifactCoordinates coordinates) throws RepositoryException {
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

    /** Publishes one file; see {@link #publish(Release, ReleaseContent, byte[])}. */
    public Publication publish(
            ArtifactCoordinates coordinates, ArtifactContent content, ArtifactDigest approved, byte[] record)
            throws RepositoryException {
        requireExtension(coordinates);
        URI target = uri(coordinates, "");
        try {
            Optional<String> existing = existingHex(coordinates);
            if (existing.isPresent()) {
                return alreadyThere(coordinates, approved, existing.get());
            }
            Path spool = createSpool(coordinates);
            try {
                HashingCopy.Result spooled = spool(content, coordinates, spool);
                HashingCopy.requireApproved(spooled, approved, coordinates, target.toString());
                return upload(coordinates, approved, spool, spooled);
            } finally {
                deleteSpool(spool);
            }
        } catch (RepositoryException e) {
            throw http.redact(e);
        }
    }

    private Publication upload(
            ArtifactCoordinates coordinates, ArtifactDigest approved, Path spool, HashingCopy.Result spooled)
            throws RepositoryException {
        URI target = uri(coordinates, "");
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(spool);
        } catch (IOException e) {
            throw new RepositoryException(
                    "The spooled copy " + spool + " of " + coordinates + " vanished: " + e
                            + ". Nothing was uploaded; check that nothing cleans the temporary directory during"
                            + " promotions, then promote again.",
                    e);
        }
        HttpResponse<Void> put = http.send(
                "PUT",
                target,
                () -> http.request(target)
                        .header("If-None-Match", "*")
                        .PUT(body)
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (put.statusCode() == 412) {
            return alreadyThere(coordinates, approved, existingHex(coordinates).orElse("(none)"));
        }
        requireSuccess("PUT", target, put.statusCode());
        putText(uri(coordinates, ".sha256"), spooled.sha256Hex());
        putText(uri(coordinates, ".sha1"), spooled.sha1Hex());
        return new Publication(true, target.toString(), spooled.size());
    }

    /** A new empty file only this user may read or write, in the spool directory. */
    private Path createSpool(ArtifactCoordinates coordinates) throws RepositoryException {
        try {
            Path directory = spoolDirectory != null ? spoolDirectory : Path.of(System.getProperty("java.io.tmpdir"));
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempFile(
                        directory,
                        "promotion-",
                        ".spool",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.createTempFile(directory, "promotion-", ".spool"); // per-user on Windows
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot create a temporary file to spool " + coordinates + " before uploading it: " + e
                            + ". Nothing was uploaded; free space in the controller's temporary directory"
                            + " (java.io.tmpdir), then promote again.",
                    e);
        }
    }

    private static HashingCopy.Result spool(ArtifactContent content, ArtifactCoordinates coordinates, Path spool)
            throws RepositoryException {
        try (FileChannel out = FileChannel.open(spool, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            return HashingCopy.copy(content, out, coordinates, true);
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException(
                    "Spooling " + coordinates + " to " + spool + " before uploading it failed: " + e
                            + ". Nothing was uploaded; free space in the controller's temporary directory"
                            + " (java.io.tmpdir), then promote again.",
                    e);
        }
    }

    private static void deleteSpool(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            spool.toFile().deleteOnExit();
        }
    }

    private Publication alreadyThere(ArtifactCoordinates coordinates, ArtifactDigest approved, String existing)
            throws RepositoryException {
        URI target = uri(coordinates, "");
        String expected = approved.hex();
        if (!Sha256.same(existing, expected)) {
            throw new RepositoryException(
                    "Refusing to overwrite " + target + ": " + coordinates + " already holds sha256 " + existing
                            + ", and this artifact is sha256 " + expected + ". A promoted version is immutable;"
                            + " promote this artifact under a new version.",
                    true);
        }
        return new Publication(false, target.toString(), -1);
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
            return Sha256.isHex(hex) ? Optional.of(hex) : Optional.empty();
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

    private void requireSuccess(String action, URI uri, int status) throws RepositoryException {
        if (status < 200 || status > 299) {
            throw HttpStatusExplanation.explain(action, uri, status, http.credentials());
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
        String file = artifactId + "-" + c.version() + (c.extension().isEmpty() ? "" : "." + c.extension()) + suffix;
        return URI.create(base.toASCIIString()
                + groupPath
                + UrlSegments.encode("artifactId", artifactId)
                + "/"
                + UrlSegments.encode("version", c.version())
                + "/"
                + UrlSegments.encode("file name", file));
    }

    private static String groupPath(String groupId) {
        if (groupId == null || groupId.isEmpty()) {
            throw new IllegalArgumentException("The Maven groupId is empty; give the dotted groupId artifacts are"
                    + " promoted under, such as com.example.releases.");
        }
        StringBuilder path = new StringBuilder();
        for (String part : groupId.split("\\.", -1)) {
            path.append(UrlSegments.encode("groupId part of '" + UrlSegments.printable(groupId) + "'", part))
                    .append('/');
        }
        return path.toString();
    }

    private static URI checkedBase(URI base) {
        String scheme = base.getScheme();
        String shown = base.getRawUserInfo() == null
                ? base.toString()
                : scheme + "://(credentials hidden)@" + base.getHost()
                        + (base.getPort() < 0 ? "" : ":" + base.getPort());
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || base.getHost() == null) {
            throw new IllegalArgumentException("The Maven repository URL '" + shown + "' is not an http:// or"
                    + " https:// URL with a host; use one such as https://nexus.example/repository/releases/.");
        }
        if (base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The Maven repository URL '" + shown + "' carries credentials;"
                    + " remove them from the URL and configure a credentials id for the repository instead.");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("The Maven repository URL '" + shown + "' has a ?query or #fragment,"
                    + " which would change every artifact's URL; remove it.");
        }
        String text = base.toASCIIString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }
}
