package org.kohsuke.stapler;

public class HttpResponses {

    public abstract static class HttpResponseException extends RuntimeException implements HttpResponse {
        public HttpResponseException(String message) {
            throw new UnsupportedOperationException();
        }
    }

    public static HttpResponseException errorWithoutStack(final int code, final String errorMessage) {
        throw new UnsupportedOperationException();
    }

    public static ForwardToView forwardToView(Object it, String view) {
        throw new UnsupportedOperationException();
    }

    public static HttpResponse redirectToDot() {
        throw new UnsupportedOperationException();
    }
}
