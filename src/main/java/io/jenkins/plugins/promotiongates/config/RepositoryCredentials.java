package io.jenkins.plugins.promotiongates.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials an administrator configures for an environment's Maven repository: a username with
 * password (HTTP Basic) or a secret text (bearer token). Listed only for administrators, resolved as
 * SYSTEM from the global credentials; the secret is never logged or shown.
 */
public final class RepositoryCredentials {

    static final CredentialsMatcher KINDS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    private RepositoryCredentials() {}

    /** The drop-down of the environment's {@code repositoryCredentialsId}, for administrators only. */
    static ListBoxModel choices(String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = current == null ? "" : current;
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(value);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), KINDS)
                .includeCurrentValue(value);
    }

    /**
     * How to open {@code environment}'s repository, with the credentials the administrator configured
     * for it, if any.
     *
     * @throws AbortException naming the environment and the credentials id when it cannot be used
     */
    public static RepositoryAccess resolve(String environment, String setting) throws AbortException {
        String credentialsId = PromotionGatesConfiguration.get().repositoryCredentialsIdOf(environment);
        if (credentialsId.isBlank()) {
            return new RepositoryAccess(setting, environment, "", null);
        }
        StandardCredentials credentials = CredentialsProvider.findCredentialByIdInItemGroup(
                credentialsId, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        try {
            RepositoryAccess access = null;
            if (credentials instanceof StandardUsernamePasswordCredentials basic) {
                access = new RepositoryAccess(
                        setting,
                        environment,
                        basic.getUsername(),
                        basic.getPassword().getPlainText());
            } else if (credentials instanceof StringCredentials token) {
                access = new RepositoryAccess(
                        setting, environment, "", token.getSecret().getPlainText());
            }
            if (access != null) {
                access.credentials(); // refuses a username or token HTTP cannot carry, here on the controller
                return access;
            }
        } catch (IllegalArgumentException e) {
            throw new AbortException("environments[" + environment + "].repositoryCredentialsId '" + credentialsId
                    + "': " + e.getMessage());
        }
        throw new AbortException("environments[" + environment + "].repositoryCredentialsId names '" + credentialsId
                + "', which "
                + (credentials == null
                        ? "is not a global credential"
                        : "is neither a Username with password nor a Secret text credential")
                + ". Ask an administrator to store the repository's credentials under that id in the global"
                + " credentials, as Username with password (HTTP Basic) or Secret text (bearer token).");
    }
}
