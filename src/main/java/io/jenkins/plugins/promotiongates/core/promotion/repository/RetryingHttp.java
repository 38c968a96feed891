package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends requests to a repository with its credentials, retrying server errors and network failures
 * as the {@link RetryPolicy} says. Redirects are never followed (the client's policy is
 * {@link HttpClient.Redirect#NEVER} and no {@code Authenticator} is set), so credentials never travel
 * to another host: a redirect is refused, saying where it pointed (without any credentials in it) and
 * whether that is another origin. Failure messages pass through {@link HttpCredentials#redact}.
 */
final class RetryingHttp {

    private final HttpClient client;
    private final HttpCredentials credentials;
    private final RetryPolicy retries;
    private final Sleeper sleeper;

    RetryingHttp(HttpCredentials credentials, RetryPolicy retries, Sleeper sleeper) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(retries.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.credentials = credentials;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    HttpCredentials credentials() {
        return credentials;
    }

    /** A request builder for {@code uri} with the timeout and the credentials. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(retries.requestTimeout());
        credentials.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    /**
     * Sends a fresh request from {@code request} until a response below 500 arrives or the attempts are
     * spent.
     *
     * @param action what is being done, for messages ({@code PUT}, {@code HEAD})
     * @throws RepositoryException after the last attempt failed, naming the attempts and the last failure
     */
    <T> HttpResponse<T> send(String action, URI uri, Supplier<HttpRequest> request, HttpResponse.BodyHandler<T> body)
            throws RepositoryException {
        String last = "";
        Duration waited = Duration.ZERO;
        for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
            HttpResponse<T> response = null;
            try {
                response = client.send(request.get(), body);
            } catch (IOException e) {
                last = credentials.redact(
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RepositoryException(
                        action + " " + uri + " was interrupted; nothing is half-written"
                                + " that a later promotion would not detect. Promote again.",
                        false);
            }
            if (response != null) {
                if (response.statusCode() >= 300 && response.statusCode() < 400) {
                    discard(response);
                    throw redirect(action, uri, response);
                }
                if (response.statusCode() < 500) {
                    return response;
                }
                last = "HTTP " + response.statusCode();
                discard(response);
            }
            if (attempt < retries.attempts()) {
                Duration wait = retries.backoff(attempt);
                waited = waited.plus(wait);
                pause(action, uri, wait);
            }
        }
        throw new RepositoryException(
                action + " " + uri + " failed " + retries.attempts() + " times (waiting " + waited.toMillis()
                        + " ms in all between attempts); last failure: " + last + ". The server is down,"
                        + " overloaded or unreachable: check it and its log, then promote again.",
                false);
    }

    /**
     * {@code e}, or a copy without its cause whose message went through {@link HttpCredentials#redact},
     * if its message or any cause's mentions a credential.
     */
    RepositoryException redact(RepositoryException e) {
        boolean clean = true;
        for (Throwable t = e; t != null && clean; t = t.getCause()) {
            clean = Objects.equals(credentials.redact(t.toString()), t.toString());
        }
        if (clean) {
            return e;
        }
        RepositoryException safe = new RepositoryException(credentials.redact(e.getMessage()), e.isRefusal());
        safe.setStackTrace(e.getStackTrace());
        return safe;
    }

    private RepositoryException redirect(String action, URI uri, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElse("");
        URI to = null;
        try {
            to = uri.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            // shown as the server sent it, scrubbed
        }
        boolean sameOrigin = to != null && sameOrigin(uri, to);
        String where = to == null ? "'" + location + "'" : to.toString();
        return new RepositoryException(
                credentials.redact(action + " " + uri + " was answered with a redirect (HTTP " + response.statusCode()
                        + ") to " + where
                        + (sameOrigin ? "" : ", another origin (scheme, host or port differ)")
                        + ". Redirects are never followed, so that the repository's credentials (" + credentials
                        + ") are only ever sent to the configured server; nothing was published. "
                        + (sameOrigin
                                ? "Set the environment's repository URL to the address the server redirects to."
                                : "If that server is the real repository, set the environment's repository URL to"
                                        + " it; otherwise check the repository server's and its proxy's"
                                        + " configuration.")),
                true);
    }

    /** Same scheme, host (case-insensitive) and port, the default port counted for a missing one. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private void pause(String action, URI uri, Duration wait) throws RepositoryException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException(action + " " + uri + " was interrupted while waiting to retry.", false);
        }
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof java.io.InputStream stream) {
            try {
                stream.close();
            } catch (IOException e) {
                // the response is abandoned anyway
            }
        }
    }
}
