package io.jenkins.plugins.promotiongates.core.notify;

/**
 * How a webhook went: what the audit records (never the body's signature or the secret).
 *
 * @param destination the URL without its query ({@link WebhookTarget#destination})
 * @param attempts how many POSTs were made
 * @param delivered whether one was answered with 2xx
 * @param status the last HTTP status, or 0 when there was no answer
 * @param problem why the last attempt failed, or empty when delivered
 */
public record WebhookDelivery(String destination, int attempts, boolean delivered, int status, String problem) {}
