package io.jenkins.plugins.promotiongates.core.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends batches to a syslog receiver over TCP, or TLS with the receiver's certificate and host name
 * verified. Syslog has no acknowledgement, so each batch gets its own connection, which is closed the
 * way that tells: after the last frame the sender closes its half (TCP FIN, or TLS close_notify) and
 * waits until the receiver closes its own, which rsyslog and syslog-ng do only once they have read
 * everything before it. A receiver that dies first (a reset, a timeout) leaves the batch undelivered,
 * and it is sent again.
 */
final class SyslogTransport implements Transport {

    private final SyslogSettings settings;
    private final DeliveryPolicy policy;
    private final SSLSocketFactory tls;
    private volatile Socket current;

    SyslogTransport(SyslogSettings settings, DeliveryPolicy policy) {
        this.settings = settings;
        this.policy = policy;
        this.tls = settings.tls() ? TlsTrust.context(settings.caCertificate()).getSocketFactory() : null;
    }

    @Override
    public String destination() {
        return (settings.tls() ? "syslog+tls://" : "syslog+tcp://") + settings.host() + ":" + settings.port();
    }

    @Override
    public int maxBatchMessages() {
        return 500;
    }

    @Override
    public long maxBatchBytes() {
        return 4L << 20;
    }

    @Override
    public void deliver(List<SinkMessage> messages) throws DeliveryException {
        Socket socket = null;
        try {
            socket = connect();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 << 10);
            for (SinkMessage message : messages) {
                out.write(SyslogFrame.encode(message, settings));
            }
            out.flush();
            awaitReceiverClose(socket);
        } catch (IOException e) {
            throw new DeliveryException(explain(e));
        } finally {
            current = null;
            closeQuietly(socket);
        }
    }

    private Socket connect() throws IOException {
        Socket plain = new Socket();
        current = plain;
        plain.connect(new InetSocketAddress(settings.host(), settings.port()), (int)
                policy.connectTimeout().toMillis());
        plain.setSoTimeout((int) policy.ioTimeout().toMillis());
        if (tls == null) {
            return plain;
        }
        SSLSocket secure = (SSLSocket) tls.createSocket(plain, settings.host(), settings.port(), true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
        current = secure;
        secure.startHandshake();
        return secure;
    }

    /** Closes the sending half and reads until the receiver closes its own: then it has read every frame. */
    private static void awaitReceiverClose(Socket socket) throws IOException {
        socket.shutdownOutput();
        InputStream in = socket.getInputStream();
        byte[] ignored = new byte[512];
        while (in.read(ignored) >= 0) {
            // a syslog receiver sends nothing; read until its end of stream
        }
    }

    private String explain(IOException e) {
        String where = "syslog receiver " + destination() + ": ";
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof UnknownHostException) {
            return where + "unknown host '" + settings.host() + "'. Check the host name and the controller's DNS.";
        }
        if (e instanceof ConnectException) {
            return where + "cannot connect (" + reason + "). Check that the receiver runs and listens on port "
                    + settings.port() + ", and that no firewall is in between.";
        }
        if (e instanceof SocketTimeoutException) {
            return where + "no answer in time (" + reason + "). Check the receiver's load and the network.";
        }
        if (e instanceof SSLHandshakeException) {
            return where + "TLS handshake refused (" + reason + "). Check that the receiver's certificate is"
                    + " issued for '" + settings.host() + "' and chains to the configured CA certificate (or to the"
                    + " JVM's trust store when none is configured).";
        }
        if (e instanceof SSLException) {
            return where + "TLS failed (" + reason + "). Check that the receiver speaks TLS on port " + settings.port()
                    + " (or turn TLS off for a plain TCP receiver).";
        }
        return where + "the connection failed before the receiver confirmed the batch (" + reason
                + "). It is sent again; check the receiver's log if this lasts.";
    }

    @Override
    public void abort() {
        closeQuietly(current);
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
