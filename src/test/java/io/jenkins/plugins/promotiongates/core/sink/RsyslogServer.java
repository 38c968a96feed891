package io.jenkins.plugins.promotiongates.core.sink;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslog receiving on 127.0.0.1 (imtcp, octet-counted framing), plain or TLS (GnuTLS driver),
 * started as the current user from a configuration written to a temporary directory. It writes each
 * message's MSG to {@code messages.jsonl} (what an auditor's copy holds) and its header fields to
 * {@code headers.log}. Missing packages fail the test, naming them: {@code rsyslog}, and
 * {@code rsyslog-gnutls} for TLS.
 */
final class RsyslogServer implements AutoCloseable {

    private static final String INSTALL = " (.ci/run installs it for CI).";

    private final Process process;
    private final Path directory;
    private final int port;

    private RsyslogServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** A free TCP port on 127.0.0.1, for a receiver started later. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts rsyslogd on {@code port}; with {@code certificates}, TLS only. */
    static RsyslogServer start(Path directory, int port, TestCertificates certificates) throws Exception {
        Path rsyslogd = executable();
        if (certificates != null && !gnutlsInstalled()) {
            throw new AssertionError(
                    "rsyslog's GnuTLS driver (lmnsd_gtls) is not installed. Install it: apt-get install"
                            + " -y --no-install-recommends rsyslog-gnutls" + INSTALL);
        }
        Files.createDirectories(directory);
        String d = directory.toString();
        String tls = certificates == null
                ? ""
                : " DefaultNetstreamDriver=\"gtls\" DefaultNetstreamDriverCAFile=\"" + certificates.ca()
                        + "\" DefaultNetstreamDriverCertFile=\"" + certificates.certificate()
                        + "\" DefaultNetstreamDriverKeyFile=\"" + certificates.key() + "\"";
        String driver = certificates == null
                ? ""
                : " StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\"" + " StreamDriver.AuthMode=\"anon\"";
        String config = "global(workDirectory=\"" + d + "\" maxMessageSize=\"2m\"" + tls + ")\n"
                + "module(load=\"imtcp\"" + driver + ")\n"
                + "template(name=\"msg\" type=\"string\" string=\"%msg%\\n\")\n"
                + "template(name=\"headers\" type=\"string\" string=\"%syslogfacility-text% %syslogseverity%"
                + " %hostname% %app-name% %procid% %msgid% %timereported:::date-rfc3339%\\n\")\n"
                + "ruleset(name=\"sink\") {\n"
                + "  action(type=\"omfile\" file=\"" + d + "/messages.jsonl\" template=\"msg\")\n"
                + "  action(type=\"omfile\" file=\"" + d + "/headers.log\" template=\"headers\")\n"
                + "}\n"
                + "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + port + "\" ruleset=\"sink\")\n";
        Path file = directory.resolve("rsyslog.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(
                        rsyslogd.toString(), "-n", "-f", file.toString(), "-i", d + "/rsyslogd.pid")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("rsyslogd.out").toFile())
                .start();
        RsyslogServer server = new RsyslogServer(process, directory, port);
        server.awaitListening();
        return server;
    }

    private static Path executable() {
        List<String> directories = new ArrayList<>(
                List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")));
        directories.add("/usr/sbin");
        directories.add("/sbin");
        for (String candidate : directories) {
            Path rsyslogd = Path.of(candidate, "rsyslogd");
            if (Files.isExecutable(rsyslogd)) {
                return rsyslogd;
            }
        }
        throw new AssertionError(
                "rsyslogd is not installed. Install it: apt-get install -y --no-install-recommends rsyslog" + INSTALL);
    }

    /** Whether rsyslog's GnuTLS network stream driver is installed (Debian: /usr/lib/<triplet>/rsyslog/). */
    private static boolean gnutlsInstalled() throws IOException {
        for (Path lib : List.of(Path.of("/usr/lib"), Path.of("/usr/lib64"))) {
            if (Files.exists(lib.resolve("rsyslog/lmnsd_gtls.so"))) {
                return true;
            }
            if (Files.isDirectory(lib)) {
                try (java.util.stream.Stream<Path> triplets = Files.list(lib)) {
                    if (triplets.anyMatch(triplet -> Files.exists(triplet.resolve("rsyslog/lmnsd_gtls.so")))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("rsyslogd exited: " + output());
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        close();
        throw new AssertionError("rsyslogd did not listen on port " + port + " within 15 s: " + output());
    }

    /** What rsyslogd printed. */
    String output() throws IOException {
        Path out = directory.resolve("rsyslogd.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    /** The MSG of every message received so far, one a line, as written. */
    List<String> messages() throws IOException {
        return lines("messages.jsonl");
    }

    /** The header fields of every message: facility, severity, hostname, app-name, procid, msgid, timestamp. */
    List<String> headers() throws IOException {
        return lines("headers.log");
    }

    private List<String> lines(String name) throws IOException {
        Path file = directory.resolve(name);
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    Path messagesFile() {
        return directory.resolve("messages.jsonl");
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
