package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sends requests to a repository with its credentials, retrying server errors and network failures
 * as the {@link RetryPolicy} says. Redirects are not followed, so credentials never travel to another
 * host.
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
            try {
                HttpResponse<T> response = client.send(request.get(), body);
                if (response.statusCode() < 500) {
                    return response;
                }
                last = "HTTP " + response.statusCode();
                discard(response);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RepositoryException(
                        action + " " + uri + " was interrupted; nothing is half-written"
                                + " that a later promotion would not detect. Promote again.",
                        false);
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
