package io.jenkins.plugins.promotiongates.core.notify;

/**
 * One e-mail to one person asked to decide.
 *
 * @param userId the recipient's user id, for the audit
 * @param to the recipient's address
 * @param subject one line, without control characters
 * @param body plain text
 */
public record MailMessage(String userId, String to, String subject, String body) {}
