package io.jenkins.plugins.promotiongates.config;

import static io.jenkins.plugins.casc.misc.Util.getSecurityRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.Rule;
import org.junit.Test;

/**
 * The global configuration reads and writes Configuration-as-Code YAML. Engine twin:
 * {@code TrustedKeyNameTest} (the validation behind the name field).
 */
public class PromotionGatesConfigurationJenkinsTest {

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void trustedKeysRoundTripThroughYaml() throws Exception {
        PromotionGatesConfiguration configuration = PromotionGatesConfiguration.get();
        assertEquals(1, configuration.getTrustedKeys().size());
        assertEquals("release-team", configuration.getTrustedKeys().get(0).getName());
        assertEquals("release-team-key", configuration.getTrustedKeys().get(0).getCredentialsId());

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode exported = getSecurityRoot(context).get("promotionGates");
        String yaml = toYamlString(exported);
        assertThat(yaml, containsString("name: \"release-team\""));
        assertThat(yaml, containsString("credentialsId: \"release-team-key\""));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void theConfigurationPageSavesWhatItShows() throws Exception {
        j.configRoundtrip();
        PromotionGatesConfiguration configuration = PromotionGatesConfiguration.get();
        assertEquals(1, configuration.getTrustedKeys().size());
        assertEquals("release-team", configuration.getTrustedKeys().get(0).getName());
    }
}
