package io.jenkins.plugins.promotiongates.core.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * POSTs batches as JSON lines ({@code application/x-ndjson}, one message a line, each ending with a
 * newline) to one URL; a 2xx answer delivers the batch. Redirects are refused, never followed, so the
 * token only ever goes to the configured origin; HTTPS verifies the certificate and host name. The
 * token is sent in one header and appears nowhere else: messages about failures are built without it
 * and scrubbed of it (a receiver may echo headers).
 */
final class HttpJsonLinesTransport implements Transport {

    private static final int EXCERPT = 200;

    private final HttpSettings settings;
    private final DeliveryPolicy policy;
    private final HttpClient client;
    private volatile CompletableFuture<HttpResponse<InputStream>> current;

    HttpJsonLinesTransport(HttpSettings settings, DeliveryPolicy policy) {
        this.settings = settings;
        this.policy = policy;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.connectTimeout());
        if (settings.url().getScheme().equalsIgnoreCase("https")) {
            builder.sslContext(TlsTrust.context(settings.caCertificate()));
        }
        this.client = builder.build();
    }

    @Override
    public String destination() {
        return settings.url().toString();
    }

    @Override
    public int maxBatchMessages() {
        return 500;
    }

    /** 512 KiB: below the 1 MB that Splunk's HTTP Event Collector accepts by default. */
    @Override
    public long maxBatchBytes() {
        return 512L << 10;
    }

    @Override
    public void deliver(List<SinkMessage> messages) throws DeliveryException {
        String secret = secret();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (SinkMessage message : messages) {
            body.writeBytes(message.bytes());
            body.write('\n');
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(policy.ioTimeout())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (secret != null) {
            request.header(
                    settings.headerName(),
                    settings.authScheme().isEmpty() ? secret : settings.authScheme() + " " + secret);
        }
        HttpResponse<InputStream> response;
        try {
            current = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response = current.get();
        } catch (ExecutionException e) {
            throw new DeliveryException(explain(e.getCause() == null ? e : e.getCause(), secret));
        } catch (CancellationException e) {
            throw new DeliveryException("POST " + destination() + " was stopped (the sink is being reconfigured).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("POST " + destination() + " was interrupted.");
        } finally {
            current = null;
        }
        answer(response, messages.size(), secret);
    }

    private String secret() throws DeliveryException {
        try {
            return settings.secret().secret();
        } catch (IOException e) {
            throw new DeliveryException(
                    "HTTP receiver " + destination() + ": its credential cannot be used: " + e.getMessage());
        }
    }

    private void answer(HttpResponse<InputStream> response, int batch, String secret) throws DeliveryException {
        int status = response.statusCode();
        String excerpt = excerpt(response.body(), secret);
        if (status >= 200 && status < 300) {
            return;
        }
        String where = "POST " + destination() + " answered HTTP " + status;
        if (status >= 300 && status < 400) {
            throw new DeliveryException(where + ", a redirect to '"
                    + scrub(response.headers().firstValue("Location").orElse(""), secret)
                    + "'. Redirects are never followed, so that the token only goes to the configured server: set"
                    + " the sink's URL to the address that answers.");
        }
        if (status == 401 || status == 403) {
            throw new DeliveryException(where + ": the receiver refused the credentials"
                    + (settings.hasSecret() ? "" : " (none is configured)")
                    + ". Check the sink's credential, header name and scheme. " + excerpt);
        }
        if (status == 413) {
            throw new DeliveryException(
                    where + ": a batch of " + batch + " messages is too large for it; smaller batches follow. "
                            + excerpt,
                    true);
        }
        throw new DeliveryException(where + ". The batch is sent again; check the receiver's log. " + excerpt);
    }

    private String explain(Throwable e, String secret) {
        String reason = scrub(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), secret);
        String where = "POST " + destination() + ": ";
        if (e instanceof ConnectException) {
            return where + "cannot connect (" + reason + "). Check that the receiver runs and listens there, and"
                    + " that no firewall is in between.";
        }
        if (e instanceof HttpTimeoutException) {
            return where + "no answer in time (" + reason + "). Check the receiver's load and the network.";
        }
        if (e instanceof SSLException) {
            return where + "TLS failed (" + reason + "). Check that the receiver's certificate is issued for '"
                    + settings.url().getHost() + "' and chains to the configured CA certificate (or to the JVM's"
                    + " trust store when none is configured).";
        }
        return where + "failed (" + reason + "). The batch is sent again.";
    }

    /** The start of the answer's body, one line, for messages; without the secret or any start of it. */
    static String excerpt(InputStream body, String secret) {
        byte[] bytes;
        try (InputStream in = body) {
            bytes = in.readNBytes(4 * EXCERPT);
        } catch (IOException e) {
            return "";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        text = text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
        text = scrub(text, secret);
        if (secret != null) {
            // The excerpt may end in the middle of the secret: cut a tail that starts it.
            for (int k = Math.min(secret.length(), text.length()); k > 0; k--) {
                if (text.endsWith(secret.substring(0, k))) {
                    text = text.substring(0, text.length() - k);
                    break;
                }
            }
        }
        text = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return text.isEmpty() ? "" : "It said: " + text;
    }

    /** {@code text} without the secret, should a receiver echo it. */
    static String scrub(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "(secret hidden)");
    }

    @Override
    public void abort() {
        CompletableFuture<HttpResponse<InputStream>> request = current;
        if (request != null) {
            request.cancel(true);
        }
    }
}
