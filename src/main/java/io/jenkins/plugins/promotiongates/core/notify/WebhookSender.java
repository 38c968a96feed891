package io.jenkins.plugins.promotiongates.core.notify;

import io.jenkins.plugins.promotiongates.core.sink.Backoff;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * POSTs a {@link WebhookBody} to a {@link WebhookTarget}, signed with {@link WebhookSignature}, and tries
 * again with {@link Backoff} until a 2xx answer or the last attempt. Never blocks its caller: requests
 * are asynchronous and retries are scheduled, so a receiver that is down delays nothing but its own
 * webhook. Redirects are not followed. The secret is used for the signature and appears nowhere else.
 */
public final class WebhookSender {

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration timeout;

    /**
     * @param scheduler runs the retries
     * @param maxAttempts attempts in all, at least 1
     * @param timeout for connecting, and again for the answer
     */
    public WebhookSender(ScheduledExecutorService scheduler, Backoff backoff, int maxAttempts, Duration timeout) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a webhook needs at least one attempt, not " + maxAttempts);
        }
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** Starts delivering {@code body}; the future completes with the outcome, delivered or not, never exceptionally. */
    public CompletableFuture<WebhookDelivery> send(WebhookTarget target, byte[] body) {
        CompletableFuture<WebhookDelivery> outcome = new CompletableFuture<>();
        attempt(target, body.clone(), 1, outcome);
        return outcome;
    }

    private void attempt(WebhookTarget target, byte[] body, int attempt, CompletableFuture<WebhookDelivery> outcome) {
        String secret;
        try {
            secret = target.secret().secret();
        } catch (IOException | RuntimeException e) {
            outcome.complete(new WebhookDelivery(
                    target.destination(), attempt - 1, false, 0, "its secret cannot be used: " + e.getMessage()));
            return;
        }
        if (secret == null || secret.isEmpty()) {
            outcome.complete(new WebhookDelivery(
                    target.destination(), attempt - 1, false, 0, "its secret is empty; webhooks are always signed"));
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.of(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int status = response == null ? 0 : response.statusCode();
            if (error == null && status >= 200 && status < 300) {
                outcome.complete(new WebhookDelivery(target.destination(), attempt, true, status, ""));
                return;
            }
            String problem = error == null ? answered(status) : explain(error);
            if (attempt >= maxAttempts) {
                outcome.complete(new WebhookDelivery(target.destination(), attempt, false, status, problem));
                return;
            }
            try {
                scheduler.schedule(
                        () -> attempt(target, body, attempt + 1, outcome),
                        backoff.after(attempt).toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) { // the scheduler is shutting down
                outcome.complete(new WebhookDelivery(
                        target.destination(), attempt, false, status, problem + "; no retry: " + e));
            }
        });
    }

    private static String answered(int status) {
        return status >= 300 && status < 400
                ? "HTTP " + status + ", a redirect, which is not followed: set the URL that answers"
                : "HTTP " + status;
    }

    private static String explain(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof ConnectException) {
            return "cannot connect (" + reason + "); check that the receiver runs and listens there";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time (" + reason + ")";
        }
        return "failed (" + reason + ")";
    }
}
