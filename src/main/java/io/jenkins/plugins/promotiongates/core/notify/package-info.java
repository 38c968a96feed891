/**
 * Notifications of an approval gate's life (opened, decided, reminder, closed): who is told (only the
 * people asked to decide), what they are told (subject, text, webhook JSON; never a secret, a credential
 * or the policy's internals), and how it is sent (SMTP through Jakarta Mail, HMAC-signed webhooks with
 * retries). The glue feeds Jenkins's users, mail settings and credentials in; nothing here waits on the
 * decision path.
 */
package io.jenkins.plugins.promotiongates.core.notify;
