package io.jenkins.plugins.promotiongates.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credentials that can hold public key material (Secret file, Secret text), listed for a
 * drop-down as the Credentials plugin's consumer guide prescribes: only for people who may use them.
 */
public final class PublicKeyCredentials {

    static final CredentialsMatcher KINDS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(FileCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    private PublicKeyCredentials() {}

    /**
     * @param item the job being configured, or {@code null} for the global configuration
     * @param current the value the form has now, kept even if the credential is gone
     */
    public static ListBoxModel choices(@CheckForNull Item item, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = current == null ? "" : current;
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return result.includeCurrentValue(value);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), KINDS)
                    .includeCurrentValue(value);
        }
        if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(value);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(
                        item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                        item,
                        StandardCredentials.class,
                        List.of(),
                        KINDS)
                .includeCurrentValue(value);
    }
}
