package io.jenkins.plugins.promotiongates.core.evidence.external;

import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The policy's settings for one external check.
 *
 * @param endpoint the HTTPS URL the controller POSTs the request to; no user information in it (a credential
 *     in a URL ends up in logs: use {@code credentialsId})
 * @param credentialsId the id of the credential whose secret the glue sends as the Authorization header, or
 *     empty for none
 * @param timeout how long one call may take, from 1 second to 5 minutes
 * @param schedule when a pending answer is asked again
 * @param giveUpAfter how long after the first call a check may stay pending before the gate fails
 */
public record ExternalCheckSettings(
        URI endpoint, String credentialsId, Duration timeout, PollSchedule schedule, Duration giveUpAfter) {

    /**
     * @throws IllegalArgumentException naming the setting that is not valid
     */
    public ExternalCheckSettings {
        credentialsId = credentialsId == null ? "" : credentialsId;
        if (endpoint == null
                || !"https".equals(endpoint.getScheme())
                || endpoint.getHost() == null
                || endpoint.getHost().isEmpty()) {
            throw new IllegalArgumentException("externalCheck.endpoint " + QuotedInput.of(String.valueOf(endpoint))
                    + " is not an https:// URL with a host; the release is sent to it, so only HTTPS is allowed");
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("externalCheck.endpoint holds user information before the host;"
                    + " remove it and name a credential in externalCheck.credentialsId instead");
        }
        if (timeout == null
                || timeout.compareTo(Duration.ofSeconds(1)) < 0
                || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(
                    "externalCheck.timeout is " + timeout + "; it must be from 1 second to 5 minutes, such as 10s");
        }
        if (giveUpAfter == null || giveUpAfter.compareTo(schedule.first()) < 0) {
            throw new IllegalArgumentException("externalCheck.giveUpAfter is " + giveUpAfter
                    + "; it must be at least the first wait, " + schedule.first() + ", such as 2h");
        }
    }

    /**
     * The settings as a policy writes them, the endpoint as text.
     *
     * @throws IllegalArgumentException naming the setting that is not valid
     */
    public static ExternalCheckSettings of(
            String endpoint, String credentialsId, Duration timeout, PollSchedule schedule, Duration giveUpAfter) {
        URI uri;
        try {
            uri = new URI(endpoint == null ? "" : endpoint.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "externalCheck.endpoint " + QuotedInput.of(endpoint) + " is not a URL: " + e.getReason());
        }
        return new ExternalCheckSettings(uri, credentialsId, timeout, schedule, giveUpAfter);
    }
}
