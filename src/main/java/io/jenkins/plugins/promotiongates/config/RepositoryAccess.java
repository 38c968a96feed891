package io.jenkins.plugins.promotiongates.config;

import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.HttpCredentials;
import io.jenkins.plugins.promotiongates.core.promotion.repository.Repositories;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryException;

/**
 * What it takes to open an environment's repository on the controller: the {@code repository} setting
 * and, for a Maven repository, the administrator's credentials. It never leaves the controller (it is not
 * serializable, so it cannot cross the agent channel), and it is never stored or logged:
 * {@link #toString()} hides the secret.
 *
 * @param setting the environment's {@code repository} value
 * @param environment the environment's name, for messages
 * @param username for HTTP Basic; empty for a bearer token or no credentials
 * @param secret the password or token; {@code null} for no credentials
 */
public record RepositoryAccess(String setting, String environment, String username, String secret) {

    /** Opens the repository. */
    public ArtifactRepository open() throws RepositoryException {
        return Repositories.standard().open(setting, environment, credentials());
    }

    HttpCredentials credentials() {
        if (secret == null) {
            return HttpCredentials.NONE;
        }
        return username.isEmpty() ? HttpCredentials.bearer(secret) : HttpCredentials.basic(username, secret);
    }

    @Override
    public String toString() {
        return setting + " (credentials: " + credentials() + ")";
    }
}
