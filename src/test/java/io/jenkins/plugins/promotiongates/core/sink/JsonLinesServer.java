package io.jenkins.plugins.promotiongates.core.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP(S) receiver of JSON lines on 127.0.0.1 (the JDK's server): it keeps every line and
 * request header it receives, in order, and answers as the test says (200 by default).
 */
final class JsonLinesServer implements AutoCloseable {

    /** One request as received. */
    record Request(String contentType, String authorization, List<String> lines, boolean endsWithNewline) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();
    private volatile Function<Request, Integer> answer = request -> 200;
    private volatile Function<Request, String> body = request -> "";
    private volatile String location = "";
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();

    private JsonLinesServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static JsonLinesServer http(int port) throws IOException {
        return new JsonLinesServer(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
    }

    /** HTTPS with the server certificate of {@code certificates}. */
    static JsonLinesServer https(int port, TestCertificates certificates) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(certificates.keyStore().toFile())) {
            store.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TestCertificates.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new JsonLinesServer(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            arrived.incrementAndGet();
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
            Request request = new Request(
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    lines,
                    text.endsWith("\n"));
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = answer.apply(request);
            if (status >= 200 && status < 300) {
                synchronized (requests) {
                    requests.add(request);
                }
            }
            if (!location.isEmpty()) {
                exchange.getResponseHeaders().add("Location", location);
            }
            byte[] reply = body.apply(request).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            if (reply.length > 0) {
                exchange.getResponseBody().write(reply);
            }
        }
    }

    /** Every line accepted so far (in 2xx answers), in order. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (requests) {
            requests.forEach(request -> lines.addAll(request.lines()));
        }
        return lines;
    }

    /** Requests that arrived, answered or not. */
    int arrived() {
        return arrived.get();
    }

    List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    void answer(Function<Request, Integer> status) {
        this.answer = status;
    }

    void body(Function<Request, String> text) {
        this.body = text;
    }

    void redirectTo(String where) {
        this.location = where;
    }

    /** Holds every request until {@link #release}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
