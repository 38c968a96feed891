package io.jenkins.plugins.promotiongates.config;

import static io.jenkins.plugins.casc.misc.Util.getSecurityRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * The global configuration reads and writes Configuration-as-Code YAML and refuses invalid
 * policies. Engine twins: {@code EnvironmentSettingsTest}, {@code TrustedKeyNameTest},
 * {@code PolicyValidatorTest}.
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

        Environment production = configuration.policy().require("production");
        assertEquals(2, production.approvalRules().size());
        assertEquals(Duration.ofDays(2), production.gateTimeout());
        assertEquals(List.of("staging"), production.promotedFrom());
        assertThat(yaml, containsString("users: \"alice, bob, carol\""));
        assertThat(yaml, containsString("timeZone: \"Europe/Paris\""));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void anInvalidPolicyIsRefusedWholeAndNamesTheField() {
        PromotionGatesConfiguration configuration = PromotionGatesConfiguration.get();
        EnvironmentConfig broken = new EnvironmentConfig("qa");
        broken.setPromotedFrom("nowhere");
        broken.setGateTimeout("forever");
        List<EnvironmentConfig> environments = new ArrayList<>(configuration.getEnvironments());
        environments.add(broken);
        InvalidPolicyException e =
                assertThrows(InvalidPolicyException.class, () -> configuration.setEnvironments(environments));
        assertThat(e.getMessage(), containsString("environments[qa].gateTimeout"));
        assertEquals(2, configuration.getEnvironments().size());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    public void theConfigurationPageSavesWhatItShows() throws Exception {
        // The configuration is in the Security category: it is on /configureSecurity, not /configure
        // (which j.configRoundtrip() submits).
        j.submit(j.createWebClient().goTo("configureSecurity").getFormByName("config"));
        PromotionGatesConfiguration configuration = PromotionGatesConfiguration.get();
        assertEquals(1, configuration.getTrustedKeys().size());
        assertEquals("release-team", configuration.getTrustedKeys().get(0).getName());
        assertEquals("release-team-key", configuration.getTrustedKeys().get(0).getCredentialsId());
        assertEquals(2, configuration.getEnvironments().size());
        Environment production = configuration.policy().require("production");
        assertEquals(2, production.approvalRules().size());
        assertEquals(Duration.ofDays(2), production.gateTimeout());
        assertEquals(List.of("staging"), production.promotedFrom());
    }
}
