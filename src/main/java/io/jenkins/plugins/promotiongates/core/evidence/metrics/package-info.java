/**
 * Metrics evidence (a performance budget): a JSON object of named numbers, each one the policy names
 * checked against its minimum and maximum.
 */
package io.jenkins.plugins.promotiongates.core.evidence.metrics;
