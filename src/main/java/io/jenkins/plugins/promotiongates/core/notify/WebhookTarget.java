package io.jenkins.plugins.promotiongates.core.notify;

import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.sink.SecretSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an environment's gate events are POSTed, and the secret they are signed with.
 *
 * @param url an absolute {@code http} or {@code https} URL without user info
 * @param secret the HMAC secret, resolved each time a webhook is sent; never put in a message
 */
public record WebhookTarget(URI url, SecretSource secret) {

    /**
     * Reads an administrator's URL.
     *
     * @param field the setting, named in the error, such as {@code environments[production].webhooks[0].url}
     * @throws InvalidPolicyException naming the setting, what is wrong and the remedy
     */
    public static WebhookTarget of(String field, String url, SecretSource secret) {
        String text = url == null ? "" : url.trim();
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a URL (" + e.getReason()
                    + "); write one such as" + " https://hooks.example.com/promotion-gates");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!parsed.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
            throw new InvalidPolicyException(
                    field,
                    "'" + text + "' must be an absolute http:// or https:// URL with a host, such as"
                            + " https://hooks.example.com/promotion-gates");
        }
        if (parsed.getRawUserInfo() != null) {
            throw new InvalidPolicyException(
                    field,
                    "must not carry a user name or password in the URL; the receiver checks the"
                            + " X-Promotion-Gates-Signature header instead");
        }
        return new WebhookTarget(parsed, secret);
    }

    /** The URL without its query, as messages and the audit show it (a query may hold a token). */
    public String destination() {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
