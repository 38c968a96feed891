package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;

/**
 * A real nginx serving a WebDAV (PUT) document root on 127.0.0.1, started from a generated
 * configuration in a temporary directory. Locations other than {@code /} reproduce server answers:
 * {@code /secure/} needs HTTP Basic ({@code deployer}/{@code s3cret}), {@code /readonly/} refuses
 * writes (403), {@code /conflict/} answers PUT with 409 as release repositories do on a redeploy, {@code /missing/} is 404,
 * {@code /broken/} is 503, {@code /small/} accepts at most 1 KiB (413), and anywhere a file whose name
 * has {@code -refused.} is refused (403), as a repository refuses one path midway through an upload.
 */
public final class NginxServer implements AutoCloseable {

    static final String USER = "deployer";
    static final String PASSWORD = "s3cret";

    private final Process process;
    private final Path root;
    private final int port;

    private NginxServer(Process process, Path root, int port) {
        this.process = process;
        this.root = root;
        this.port = port;
    }

    /** Skips the test when nginx is missing, unless the {@code CI} variable is set (then it fails). */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(Path.of("/usr/sbin/nginx")) || onPath("nginx");
        if (System.getenv("CI") != null) {
            if (!installed) {
                throw new AssertionError("nginx is not installed; .ci/run installs it (package nginx)");
            }
            return;
        }
        Assume.assumeTrue("nginx is not installed (apt-get install nginx); skipping outside CI", installed);
    }

    public static NginxServer start(Path directory) throws Exception {
        Path www = Files.createDirectories(directory.resolve("www"));
        String hash =
                RepositoryFixtures.run("openssl", "passwd", "-apr1", PASSWORD).trim();
        Files.writeString(directory.resolve("htpasswd"), USER + ":" + hash + "\n");
        int port = freePort();
        String d = directory.toString();
        String dav = "dav_methods PUT DELETE MKCOL; create_full_put_path on; dav_access user:rw group:r all:r;"
                + " client_max_body_size 0;";
        String config = "daemon off; pid " + d + "/nginx.pid; error_log " + d + "/error.log;"
                + (isRoot() ? " user root;" : "") + "\n"
                + "events { worker_connections 64; }\n"
                + "http { access_log off; client_body_temp_path " + d + "/body; proxy_temp_path " + d + "/proxy;"
                + " fastcgi_temp_path " + d + "/fastcgi; uwsgi_temp_path " + d + "/uwsgi; scgi_temp_path " + d
                + "/scgi;\n"
                + " server { listen 127.0.0.1:" + port + "; root " + www + ";\n"
                + "  location / { " + dav + " }\n"
                + "  location /secure/ { auth_basic repository; auth_basic_user_file " + d + "/htpasswd; " + dav
                + " }\n"
                + "  location /readonly/ { client_max_body_size 0; limit_except GET HEAD { deny all; } }\n"
                + "  location /conflict/ { client_max_body_size 0; if ($request_method = PUT) { return 409; } }\n"
                + "  location ~ -refused\\. { client_max_body_size 0; limit_except GET HEAD { deny all; } }\n"
                + "  location /small/ { client_max_body_size 1k; " + dav.replace("client_max_body_size 0;", "") + " }\n"
                + "  location /missing/ { client_max_body_size 0; return 404; }\n"
                + "  location /broken/ { client_max_body_size 0; return 503; }\n"
                + " }\n}\n";
        Path conf = directory.resolve("nginx.conf");
        Files.writeString(conf, config);
        Process process = new ProcessBuilder("nginx", "-p", d, "-c", conf.toString(), "-e", d + "/error.log")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile())
                .start();
        NginxServer server = new NginxServer(process, www, port);
        server.awaitListening(directory);
        return server;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    int port() {
        return port;
    }

    /** The document root, where PUT files land. */
    public Path root() {
        return root;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitListening(Path directory) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(directory.resolve("nginx.out"))
                        + readIfExists(directory.resolve("error.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        close();
        throw new AssertionError("nginx did not listen on port " + port + " within 10 s");
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
