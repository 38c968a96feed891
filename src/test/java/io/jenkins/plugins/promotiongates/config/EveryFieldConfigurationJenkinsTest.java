package io.jenkins.plugins.promotiongates.config;

import static org.junit.Assert.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The global configuration with every field set to a value of its own ({@link EveryFieldConfiguration})
 * survives the configuration pages and the saved XML, every field compared. {@link JenkinsRule#configRoundtrip()}
 * submits {@code /configure}, which must leave this configuration alone; the configuration itself is in the
 * Security category, so its own round trip submits {@code /configureSecurity}. Engine twin:
 * {@code EveryFieldRoundTripTest}.
 */
public class EveryFieldConfigurationJenkinsTest {

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private EveryFieldConfiguration expected;

    @Before
    public void configureEveryField() throws Exception {
        expected = EveryFieldConfiguration.create(folder.getRoot().toPath());
        CredentialsStore store =
                CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        for (String id : List.of("release-team-key", "ops-team-key", "webhook-secret", "cab-token", "hec-token")) {
            store.addCredentials(
                    Domain.global(),
                    new StringCredentialsImpl(CredentialsScope.GLOBAL, id, id, Secret.fromString("secret of " + id)));
        }
        store.addCredentials(
                Domain.global(),
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, "production-repository", "repository", "deployer", "s3cret-password"));
        PromotionGatesConfiguration configuration = PromotionGatesConfiguration.get();
        configuration.setTrustedKeys(expected.trustedKeys);
        configuration.setSnapshotVariables(expected.snapshotVariables);
        configuration.setSinks(expected.sinks);
        configuration.setEnvironments(expected.environments);
        assertEveryField(configuration);
    }

    @Test
    public void theConfigurationPagesKeepEveryField() throws Exception {
        j.configRoundtrip();
        assertEveryField(PromotionGatesConfiguration.get());
        j.submit(j.createWebClient().goTo("configureSecurity").getFormByName("config"));
        PromotionGatesConfiguration saved = PromotionGatesConfiguration.get();
        // A browser sends a textarea's lines ended by CRLF (HTML form submission); a PEM reads either way.
        for (SinkConfig sink : saved.getSinks()) {
            if (sink instanceof HttpSinkConfig http) {
                http.setCaCertificate(http.getCaCertificate().replace("\r\n", "\n"));
            } else if (sink instanceof SyslogSinkConfig syslog) {
                syslog.setCaCertificate(syslog.getCaCertificate().replace("\r\n", "\n"));
            }
        }
        assertEveryField(saved);
    }

    @Test
    public void theSavedXmlKeepsEveryField() throws Exception {
        // The constructor loads the XML that the setters saved.
        assertEveryField(new PromotionGatesConfiguration());
    }

    private void assertEveryField(PromotionGatesConfiguration actual) throws Exception {
        assertEquals(expected.snapshotVariables, actual.getSnapshotVariables());
        assertEqualLists(expected.trustedKeys, actual.getTrustedKeys());
        assertEqualLists(expected.sinks, actual.getSinks());
        assertEqualLists(expected.environments, actual.getEnvironments());
        assertEquals(
                expected.production().toSettings().toEnvironment("environments[production]"),
                actual.policy().require("production"));
    }

    private void assertEqualLists(List<?> expectedItems, List<?> actualItems) throws Exception {
        assertEquals(expectedItems.size(), actualItems.size());
        for (int i = 0; i < expectedItems.size(); i++) {
            j.assertEqualDataBoundBeans(expectedItems.get(i), actualItems.get(i));
        }
    }
}
