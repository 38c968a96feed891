package io.jenkins.plugins.promotiongates.core.evidence.external;

/**
 * What one call to an external check brought back: an HTTP status and body, or no answer at all (a timeout,
 * a refused connection, a TLS failure), with the reason.
 *
 * @param httpStatus the HTTP status code, or 0 when there was no answer
 * @param body the response body, read up to a cap; empty when there was no answer
 * @param failure why there was no answer, without any credential; empty when there was one
 */
public record ExternalCheckAnswer(int httpStatus, byte[] body, String failure) {

    public ExternalCheckAnswer {
        body = body.clone();
    }

    /** An HTTP answer. */
    public static ExternalCheckAnswer received(int httpStatus, byte[] body) {
        return new ExternalCheckAnswer(httpStatus, body, "");
    }

    /** No answer, for {@code reason}. */
    public static ExternalCheckAnswer unanswered(String reason) {
        return new ExternalCheckAnswer(0, new byte[0], reason);
    }

    /** The body (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether the endpoint answered at all. */
    public boolean answered() {
        return httpStatus != 0;
    }
}
