package io.jenkins.plugins.promotiongates.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import io.jenkins.plugins.promotiongates.core.policy.SignatureHash;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Ticking "Require a signature" gives the documented floor (docs/policies.md: 2048 bits, sha256):
 * the form shows those values, and fields left empty mean them, never {@code '' is not a digest}.
 */
public class SignaturePolicyConfigTest {

    private static Environment production(SignaturePolicyConfig signature) {
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setSignature(signature);
        return production.toSettings().toEnvironment("environments[production]");
    }

    @Test
    public void aNewSignaturePolicyHasTheDocumentedDefaults() {
        SignatureRequirement requirement =
                production(new SignaturePolicyConfig("release-team")).signature();
        assertEquals(2048, requirement.minimumRsaBits());
        assertEquals(SignatureHash.SHA256, requirement.minimumHash());
    }

    @Test
    public void fieldsLeftEmptyInTheFormMeanTheDefaults() {
        SignaturePolicyConfig signature = new SignaturePolicyConfig("release-team");
        signature.setMinimumRsaBits(null);
        signature.setMinimumHash("");
        assertEquals(2048, signature.getMinimumRsaBits());
        assertEquals("sha256", signature.getMinimumHash());
        SignatureRequirement requirement = production(signature).signature();
        assertEquals(2048, requirement.minimumRsaBits());
        assertEquals(SignatureHash.SHA256, requirement.minimumHash());

        signature.setMinimumHash("  ");
        assertEquals(new EnvironmentSettings.SignatureSettings("release-team", 2048, "sha256"), signature.toSettings());
    }

    @Test
    public void valuesTypedInTheFormAreKept() {
        SignaturePolicyConfig signature = new SignaturePolicyConfig("release-team");
        signature.setMinimumRsaBits(4096);
        signature.setMinimumHash(" sha512 ");
        assertEquals(new EnvironmentSettings.SignatureSettings("release-team", 4096, "sha512"), signature.toSettings());
    }

    /** The form a newly ticked "Require a signature" shows is filled with the same defaults. */
    @Test
    public void theFormShowsTheDefaults() throws IOException {
        Path jelly = Path.of(System.getProperty("promotiongates.sources.root", "."))
                .resolve(
                        "src/main/resources/io/jenkins/plugins/promotiongates/config/SignaturePolicyConfig/config.jelly");
        String form = Files.readString(jelly, StandardCharsets.UTF_8);
        assertEquals(String.valueOf(SignaturePolicyConfig.DEFAULT_MINIMUM_RSA_BITS), defaultOf(form, "minimumRsaBits"));
        assertEquals(SignaturePolicyConfig.DEFAULT_MINIMUM_HASH, defaultOf(form, "minimumHash"));
    }

    private static String defaultOf(String form, String field) {
        Matcher matcher = Pattern.compile("field=\"" + field + "\">\\s*<f:\\w+ default=\"([^\"]*)\"")
                .matcher(form);
        assertTrue(field + " has a default in the form", matcher.find());
        return matcher.group(1);
    }
}
