/**
 * External check evidence: the controller asks an external system (a change-approval service, a monitoring
 * system) over HTTPS whether a release may enter an environment. This package holds the request body, the
 * answer contract ({@code {"status": "pass"|"fail"|"pending", "reason": ...}}), the verdict on each answer,
 * the re-ask schedule for pending answers, and an HTTPS client with a timeout. Which credential is sent is
 * decided by the glue; the credential never appears in a message, a verdict or an exception.
 */
package io.jenkins.plugins.promotiongates.core.evidence.external;
