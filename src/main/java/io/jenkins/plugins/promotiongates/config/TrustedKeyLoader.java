package io.jenkins.plugins.promotiongates.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Loads public key material for a verification: administrator-configured trusted keys by name,
 * read as SYSTEM from the global credentials; and a job-supplied credential, read as the run may.
 * Only public key material leaves this class; a credential's secret is never logged.
 */
public final class TrustedKeyLoader {

    /**
     * Names a job's own key {@code job:ID}: a trusted-key name can hold no colon, so a job's key
     * can never pass for an administrator's trusted key in the audit or at promotion.
     */
    public static final String JOB_KEY_PREFIX = "job:";

    private TrustedKeyLoader() {}

    public static List<TrustedKey> load(
            List<String> trustedKeyNames, @CheckForNull String keyCredentialsId, Run<?, ?> run) throws IOException {
        List<String> ids;
        try {
            ids = PromotionGatesConfiguration.get().trustedKeyCatalog().credentialsIdsFor(trustedKeyNames);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        List<TrustedKey> keys = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            StandardCredentials credentials = CredentialsProvider.findCredentialByIdInItemGroup(
                    ids.get(i), StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
            keys.add(read(trustedKeyNames.get(i), ids.get(i), credentials));
        }
        if (keyCredentialsId != null && !keyCredentialsId.isBlank()) {
            StandardCredentials credentials =
                    CredentialsProvider.findCredentialById(keyCredentialsId, StandardCredentials.class, run, List.of());
            keys.add(read(JOB_KEY_PREFIX + keyCredentialsId, keyCredentialsId, credentials));
        }
        return keys;
    }

    private static TrustedKey read(String name, String credentialsId, @CheckForNull StandardCredentials credentials)
            throws IOException {
        if (credentials instanceof FileCredentials file) {
            try (InputStream content = file.getContent()) {
                return TrustedKey.read(name, content);
            }
        }
        if (credentials instanceof StringCredentials text) {
            byte[] material = text.getSecret().getPlainText().getBytes(StandardCharsets.UTF_8);
            return TrustedKey.read(name, new ByteArrayInputStream(material));
        }
        throw new AbortException("Key '" + name + "' needs credential '" + credentialsId + "', which "
                + (credentials == null
                        ? "does not exist or this run may not use"
                        : "is not a Secret file or Secret text credential")
                + ". Store the public key as a Secret file or Secret text credential with that id.");
    }
}
