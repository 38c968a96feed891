package io.jenkins.plugins.promotiongates.steps;

import java.io.Serializable;

/**
 * The arguments of one {@code requireApprovals} call, kept by its execution until the gate opens.
 * A plain class rather than a record: step executions are stored with JBoss Marshalling.
 */
final class GateRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    final String environment;
    final String message;
    final String id;
    final Integer count;
    final String approvers;
    final String timeout;
    final String validity;
    final String artifact;
    /** Added with releases: {@code null} in a gate stored by an older version, read as empty. */
    String files;

    String archived;
    String digest;
    String version;
    String application;

    GateRequest(
            String environment,
            String message,
            String id,
            Integer count,
            String approvers,
            String timeout,
            String validity,
            String artifact) {
        this.environment = environment;
        this.message = message;
        this.id = id;
        this.count = count;
        this.approvers = approvers;
        this.timeout = timeout;
        this.validity = validity;
        this.artifact = artifact;
    }

    /** This request with the release's arguments; each {@code null} is read as empty. */
    GateRequest releasing(String files, String archived, String digest, String version, String application) {
        this.files = files;
        this.archived = archived;
        this.digest = digest;
        this.version = version;
        this.application = application;
        return this;
    }
}
