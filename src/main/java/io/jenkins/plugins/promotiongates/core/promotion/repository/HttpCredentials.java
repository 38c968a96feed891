package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to authenticate to an HTTP repository: none, a username and password (HTTP Basic), or a bearer
 * token. The glue resolves them from the Credentials plugin; the engine only turns them into an
 * {@code Authorization} header. {@link #toString()} never shows the secret.
 */
public final class HttpCredentials {

    /** No authentication. */
    public static final HttpCredentials NONE = new HttpCredentials("", null, "");

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s]*@");

    private final String username;
    private final String header;
    private final String secret;

    private HttpCredentials(String username, String header, String secret) {
        this.username = username;
        this.header = header;
        this.secret = secret;
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
                username,
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                password == null ? "" : password);
    }

    /** A bearer token, as Artifactory access tokens and Nexus user tokens are used. */
    public static HttpCredentials bearer(String token) {
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The repository token is empty or contains spaces or control"
                    + " characters; check the secret text of the credentials configured for this repository.");
        }
        return new HttpCredentials("", "Bearer " + token, token);
    }

    /** The {@code Authorization} header value, if any. */
    Optional<String> authorization() {
        return Optional.ofNullable(header);
    }

    /**
     * {@code text} without any credential: the user information of every URL in it
     * ({@code https://user:password@host} becomes {@code https://(credentials hidden)@host}), and this
     * password or token and {@code Authorization} value wherever they occur. For every message a repository
     * error carries, as defence in depth: none is built from a credential.
     */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = USER_INFO.matcher(text).replaceAll("$1(credentials hidden)@");
        if (header != null) {
            redacted = redacted.replace(header, "(credentials hidden)");
            String encoded = header.substring(header.indexOf(' ') + 1);
            redacted = redacted.replace(encoded, "(credentials hidden)");
        }
        if (!secret.isEmpty()) {
            redacted = redacted.replace(secret, "(credentials hidden)");
        }
        return redacted;
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
