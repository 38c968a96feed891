package io.jenkins.plugins.promotiongates.core.sink;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP receiver of JSON lines: batches are POSTed as {@code application/x-ndjson}, one message a
 * line, as Splunk's HTTP Event Collector (raw endpoint), Logstash's {@code http} input with the
 * {@code json_lines} codec, Vector, Fluent Bit or Grafana Alloy HTTP inputs accept them.
 *
 * @param url the endpoint
 * @param secret the token, sent as {@code <headerName>: <authScheme> <secret>}
 * @param hasSecret whether a credential is configured
 * @param headerName the header carrying the secret
 * @param authScheme the word before the secret, or empty for the secret alone
 * @param caCertificate PEM CA certificates to trust instead of the JVM's trust store, or blank
 */
public record HttpSettings(
        SinkBasics basics,
        URI url,
        SecretSource secret,
        boolean hasSecret,
        String headerName,
        String authScheme,
        String caCertificate)
        implements SinkSettings {

    public static final String DEFAULT_HEADER = "Authorization";
    public static final String DEFAULT_SCHEME = "Bearer";

    /**
     * Validates every field at once.
     *
     * @param secret resolves the credential, or {@code null} when none is configured
     * @throws InvalidSinkException naming every field that cannot be used
     */
    public static HttpSettings of(
            SinkBasics basics,
            String url,
            SecretSource secret,
            String headerName,
            String authScheme,
            String caCertificate) {
        List<String> problems = new ArrayList<>();
        basics.check(problems);
        String urlProblem = SinkFields.url(url);
        Problems.add(problems, basics.field("url"), urlProblem);
        Problems.add(problems, basics.field("credentialsId"), SinkFields.tokenTransport(url, secret != null));
        Problems.add(problems, basics.field("headerName"), SinkFields.headerName(headerName));
        Problems.add(problems, basics.field("authScheme"), SinkFields.authScheme(authScheme));
        boolean https = urlProblem == null && URI.create(url).getScheme().equalsIgnoreCase("https");
        Problems.add(problems, basics.field("caCertificate"), SinkFields.caCertificate(caCertificate, https));
        Problems.throwIfAny(problems);
        return new HttpSettings(
                basics,
                URI.create(url),
                secret == null ? SecretSource.NONE : secret,
                secret != null,
                headerName,
                authScheme == null ? "" : authScheme,
                caCertificate == null ? "" : caCertificate.trim());
    }

    @Override
    public Transport transport(DeliveryPolicy policy) {
        return new HttpJsonLinesTransport(this, policy);
    }
}
