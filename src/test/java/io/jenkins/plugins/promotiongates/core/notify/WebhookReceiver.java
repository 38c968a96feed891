package io.jenkins.plugins.promotiongates.core.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on 127.0.0.1 (the JDK's HTTP server) that checks the signature as a receiver
 * should: 401 when it does not match the body with the shared secret. It can fail the first requests.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(byte[] body, String signature, String contentType, boolean signatureValid) {}

    private final HttpServer server;
    private final String secret;
    private final int failFirst;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** @param failFirst how many requests are answered 503 before the receiver works */
    WebhookReceiver(String secret, int failFirst) throws IOException {
        this.secret = secret;
        this.failFirst = failFirst;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=in-query");
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
        boolean valid = WebhookSignature.matches(secret, body, signature);
        received.add(new Received(body, signature, exchange.getRequestHeaders().getFirst("Content-Type"), valid));
        int status = count.incrementAndGet() <= failFirst ? 503 : valid ? 204 : 401;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
