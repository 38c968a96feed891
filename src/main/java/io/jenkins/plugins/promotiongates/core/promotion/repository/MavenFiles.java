package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One file at a time on a Maven repository over HTTP, through {@link RetryingHttp}: what a file's
 * SHA-256 is (its {@code .sha256} file's, or its bytes hashed), reading a small document, and uploading
 * with or without {@code If-None-Match: *}. Every status outside 2xx (but a 404 where absence is an
 * answer, and a 412 for a conditional upload) is explained by {@link HttpStatusExplanation}.
 */
final class MavenFiles {

    private static final int MAX_CHECKSUM_BYTES = 1024;
    private static final int MAX_DOCUMENT_BYTES = 16 << 20;

    private final RetryingHttp http;

    MavenFiles(RetryingHttp http) {
        this.http = http;
    }

    /** The SHA-256 of the file at {@code uri}, if there is one: its {@code .sha256} file's, or hashed. */
    Optional<String> sha256(URI uri) throws RepositoryException {
        HttpResponse<Void> head = http.send(
                "HEAD",
                uri,
                () -> http.request(uri)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess("HEAD", uri, head.statusCode());
        Optional<String> recorded = checksumFile(MavenLayout.checksum(uri, ".sha256"));
        return recorded.isPresent() ? recorded : Optional.of(hashRemote(uri));
    }

    /** PUT with {@code If-None-Match: *}; {@code false} if the server answered that the file exists (412). */
    boolean putNew(URI uri, HttpRequest.BodyPublisher body) throws RepositoryException {
        HttpResponse<Void> put = http.send(
                "PUT",
                uri,
                () -> http.request(uri).header("If-None-Match", "*").PUT(body).build(),
                HttpResponse.BodyHandlers.discarding());
        if (put.statusCode() == 412) {
            return false;
        }
        requireSuccess("PUT", uri, put.statusCode());
        return true;
    }

    void put(URI uri, HttpRequest.BodyPublisher body) throws RepositoryException {
        HttpResponse<Void> response = http.send(
                "PUT", uri, () -> http.request(uri).PUT(body).build(), HttpResponse.BodyHandlers.discarding());
        requireSuccess("PUT", uri, response.statusCode());
    }

    /** The document at {@code uri} (at most {@value #MAX_DOCUMENT_BYTES} bytes), or empty on 404. */
    Optional<byte[]> get(URI uri) throws RepositoryException {
        HttpResponse<InputStream> response =
                http.send("GET", uri, () -> http.request(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            requireSuccess("GET", uri, response.statusCode());
            return Optional.of(body.readNBytes(MAX_DOCUMENT_BYTES));
        } catch (IOException e) {
            throw new RepositoryException("Reading " + uri + " failed: " + e.getMessage(), e);
        }
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

    private void requireSuccess(String action, URI uri, int status) throws RepositoryException {
        if (status < 200 || status > 299) {
            throw HttpStatusExplanation.explain(action, uri, status, http.credentials());
        }
    }
}
