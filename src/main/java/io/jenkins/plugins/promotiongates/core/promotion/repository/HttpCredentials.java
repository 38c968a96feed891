package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How to authenticate to an HTTP repository: none, a username and password (HTTP Basic), or a bearer
 * token. The glue resolves them from the Credentials plugin; the engine only turns them into an
 * {@code Authorization} header. {@link #toString()} never shows the secret.
 */
public final class HttpCredentials {

    /** No authentication. */
    public static final HttpCredentials NONE = new HttpCredentials("", null);

    private final String username;
    private final String header;

    private HttpCredentials(String username, String header) {
        this.username = username;
        this.header = header;
    }

    /** HTTP Basic with {@code username} and {@code password}. */
    public static HttpCredentials basic(String username, String password) {
        if (username == null || username.isEmpty() || username.contains(":")) {
            throw new IllegalArgumentException(
                    "The repository username is empty or contains ':', which HTTP Basic cannot carry;"
                            + " check the username of the credentials configured for this repository.");
        }
        String pair = username + ":" + (password == null ? "" : password);
        return new HttpCredentials(
                username, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** A bearer token, as Artifactory access tokens and Nexus user tokens are used. */
    public static HttpCredentials bearer(String token) {
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The repository token is empty or contains spaces or control"
                    + " characters; check the secret text of the credentials configured for this repository.");
        }
        return new HttpCredentials("", "Bearer " + token);
    }

    /** The {@code Authorization} header value, if any. */
    Optional<String> authorization() {
        return Optional.ofNullable(header);
    }

    /** Describes the credentials without their secret: {@code none}, {@code basic user 'deployer'}, {@code bearer token}. */
    @Override
    public String toString() {
        if (header == null) {
            return "none";
        }
        return username.isEmpty() ? "bearer token" : "basic user '" + username + "'";
    }
}
