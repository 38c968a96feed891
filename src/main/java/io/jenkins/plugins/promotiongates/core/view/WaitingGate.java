package io.jenkins.plugins.promotiongates.core.view;

import java.time.Instant;

/**
 * A gate waiting for decisions, as the environment view counts it.
 *
 * @param application the application whose promotion waits
 * @param environment the environment the gate guards
 * @param url the gate's page, relative to the Jenkins root
 * @param openedAt when the gate opened
 */
public record WaitingGate(String application, String environment, String url, Instant openedAt) {}
