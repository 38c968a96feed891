package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.SignatureHash;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class SignatureKeyChoiceTest {

    private final Environment production = Environment.builder("production")
            .signature(new SignatureRequirement(Set.of("release-team", "ops"), 3072, SignatureHash.SHA384))
            .build();

    @Test
    public void withoutAnEnvironmentTheJenkinsfileChooses() {
        SignatureKeyChoice choice = SignatureKeyChoice.of(null, List.of("mine"), true);
        assertEquals(List.of("mine"), choice.trustedKeyNames());
        assertEquals(true, choice.jobKeyAllowed());
        assertEquals(AlgorithmPolicy.DEFAULT, choice.algorithmPolicy());
    }

    @Test
    public void anEnvironmentRequirementSuppliesItsKeysAndFloor() {
        SignatureKeyChoice choice = SignatureKeyChoice.of(production, List.of(), false);
        assertEquals(List.of("ops", "release-team"), choice.trustedKeyNames());
        assertEquals(false, choice.jobKeyAllowed());
        assertEquals(3072, choice.algorithmPolicy().minimumRsaBits());
        assertThat(choice.algorithmPolicy().refuseHash("SHA-256"), containsString("minimum hash of SHA-384"));
        assertNull(choice.algorithmPolicy().refuseHash("SHA-512"));
        assertEquals(
                List.of("ops"),
                SignatureKeyChoice.of(production, List.of("ops"), false).trustedKeyNames());
    }

    @Test
    public void aJenkinsfileCannotAddKeysToAnEnvironment() {
        InvalidPolicyException added = assertThrows(
                InvalidPolicyException.class, () -> SignatureKeyChoice.of(production, List.of("mine"), false));
        assertEquals(
                "environments[production].signature.trustedKeys",
                added.problems().get(0).field());
        assertThat(added.getMessage(), containsString("trustedKeys [mine] are not among environment 'production''s"));
        InvalidPolicyException own =
                assertThrows(InvalidPolicyException.class, () -> SignatureKeyChoice.of(production, List.of(), true));
        assertThat(own.getMessage(), containsString("a job's own key (keyCredentialsId) cannot satisfy it"));
    }

    @Test
    public void aChecksumAloneDoesNotSatisfyASignatureRequirement() {
        Verification integrityOnly = new Verification(
                true, SignatureFormat.CHECKSUM, "SHA-256", null, 2, "", "", "", List.of("checksum only"), "");
        Verification judged =
                SignatureKeyChoice.of(production, List.of(), false).judge(integrityOnly);
        assertEquals(false, judged.verified());
        assertThat(judged.failure(), containsString("proves integrity only"));
        assertEquals("", judged.trustedKey());
        assertEquals(
                integrityOnly, SignatureKeyChoice.of(null, List.of(), false).judge(integrityOnly));
        Verification signed = new Verification(
                true, SignatureFormat.SSH, "Ed25519", null, 2, "SHA256:xyz", "release-key", "r", List.of(), "");
        Verification kept = SignatureKeyChoice.of(production, List.of(), false).judge(signed);
        assertEquals(signed, kept);
        assertEquals("release-key", kept.trustedKey());
    }
}
