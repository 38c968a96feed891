package io.jenkins.plugins.promotiongates.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.promotiongates.core.sink.SecretSource;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * A Secret text credential whose value the controller sends as a token (an HTTP sink's, an external
 * check's): listed only for administrators, resolved as SYSTEM from the global credentials each time
 * it is used (so a rotated token is used at once). The value goes to the engine and nowhere else.
 */
public final class SecretTextCredentials {

    private SecretTextCredentials() {}

    /** The drop-down of a {@code credentialsId} field, for administrators only. */
    public static ListBoxModel choices(String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = current == null ? "" : current;
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(value);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2,
                        Jenkins.get(),
                        StandardCredentials.class,
                        List.of(),
                        CredentialsMatchers.instanceOf(StringCredentials.class))
                .includeCurrentValue(value);
    }

    /**
     * Resolves {@code credentialsId} each time the secret is used; a missing credential is explained.
     *
     * @param field the setting that names the credential, such as {@code sinks[siem].credentialsId}
     */
    public static SecretSource secretOf(String field, String credentialsId) {
        return () -> {
            StringCredentials credentials = CredentialsProvider.findCredentialByIdInItemGroup(
                    credentialsId, StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
            if (credentials == null) {
                throw new IOException(field + " names '" + credentialsId + "', which is not a global Secret text"
                        + " credential. Store the token under that id in the global credentials, or choose another"
                        + " credential.");
            }
            return credentials.getSecret().getPlainText();
        };
    }
}
