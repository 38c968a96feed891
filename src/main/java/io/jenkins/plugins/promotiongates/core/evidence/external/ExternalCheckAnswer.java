package io.jenkins.plugins.promotiongates.core.evidence.external;

/**
 * What one call to an external check brought back: an HTTP status and body, or no answer at all (a timeout,
 * a refused connection, a TLS failure), with the reason.
 *
 * @param httpStatus the HTTP status code, 0 when there was no answer, or -1 when the call was not made
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

    /**
     * The call was not made, for a reason only an administrator can fix (a credential that does not exist):
     * the check fails at once instead of waiting.
     */
    public static ExternalCheckAnswer notAsked(String reason) {
        return new ExternalCheckAnswer(-1, new byte[0], reason);
    }

    /** Whether the call was made (whether or not it was answered). */
    public boolean asked() {
        return httpStatus >= 0;
    }

    /** The body (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether the endpoint answered at all. */
    public boolean answered() {
        return httpStatus > 0;
    }
}
