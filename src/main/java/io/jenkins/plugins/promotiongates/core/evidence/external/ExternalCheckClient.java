package io.jenkins.plugins.promotiongates.core.evidence.external;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/**
 * Calls an external check over HTTPS from the controller: one POST of the request body, with the
 * Authorization header the glue built from the policy's credential, within the policy's timeout, following
 * no redirect (the credential must not travel to another host). Whatever goes wrong becomes an
 * {@link ExternalCheckAnswer} without an answer; no message it writes holds the credential or the URL's
 * path and query.
 */
public final class ExternalCheckClient {

    private final HttpClient http;

    /**
     * @param http a client that follows no redirect, with the trust store the controller uses
     * @throws IllegalArgumentException if {@code http} follows redirects
     */
    public ExternalCheckClient(HttpClient http) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("an external check's client must not follow redirects: a redirect would"
                    + " send the credential to another address");
        }
        this.http = http;
    }

    /**
     * POSTs {@code body} to the check's endpoint and reads at most {@link ExternalCheckJudge#MAX_ANSWER} + 1
     * bytes of the answer.
     *
     * @param authorization the Authorization header's value, such as {@code Bearer <token>}; empty for none.
     *     It is sent and forgotten: never logged, never in an answer.
     */
    public ExternalCheckAnswer ask(ExternalCheckSettings settings, byte[] body, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return ExternalCheckAnswer.received(
                        response.statusCode(), in.readNBytes(ExternalCheckJudge.MAX_ANSWER + 1));
            }
        } catch (HttpTimeoutException e) {
            return ExternalCheckAnswer.unanswered(
                    "no answer within " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            String message = e.getMessage() == null
                    ? ""
                    : " ("
                            + firstLine(
                                    e.getMessage().replace(settings.endpoint().toString(), "the endpoint")) + ")";
            return ExternalCheckAnswer.unanswered(e.getClass().getSimpleName() + message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExternalCheckAnswer.unanswered("the call was interrupted");
        }
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
