package io.jenkins.plugins.promotiongates.core.attestation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** Bad values are refused when the statement is made, each with a message naming it. */
public class PromotionStatementTest {

    private static final PromotionStatement S = Attestations.statement();

    @Test
    public void subjectsMustBeNamedSha256FilesEachOnce() {
        refused(() -> new AttestationSubject("", S.releaseDigest()), "needs the file's name");
        refused(
                () -> new AttestationSubject("a", ArtifactDigest.of(DigestAlgorithm.SHA512, new byte[64])),
                "'a' needs a sha256 digest");
        refused(() -> new AttestationSubject("a", null), "'a' needs a sha256 digest");
        refused(() -> with(List.of(), S.gates(), S.policyDigest(), S.resourceUri()), "at least one subject");
        AttestationSubject twice = S.subjects().get(0);
        refused(() -> with(List.of(twice, twice), S.gates(), S.policyDigest(), S.resourceUri()), "listed twice");
    }

    @Test
    public void gatesAreLowerCamelCaseNamesEachOnce() {
        for (String bad : new String[] {"", "Path", "change_window", "soak time", "PROMOTION_GATES_PATH"}) {
            refused(() -> with(S.subjects(), List.of(bad), S.policyDigest(), S.resourceUri()), "is not a gate name");
        }
        refused(
                () -> with(S.subjects(), List.of("path", "path"), S.policyDigest(), S.resourceUri()),
                "'path' is listed twice");
        refused(() -> with(S.subjects(), Arrays.asList("path", null), S.policyDigest(), S.resourceUri()), "null");
    }

    @Test
    public void thePolicyDigestIsTheAuditsHex() {
        refused(() -> with(S.subjects(), S.gates(), "sha256:" + S.policyDigest(), S.resourceUri()), "64 lower-case");
        refused(() -> with(S.subjects(), S.gates(), S.policyDigest().toUpperCase(), S.resourceUri()), "64 lower-case");
    }

    @Test
    public void urisAreAbsolute() {
        refused(() -> with(S.subjects(), S.gates(), S.policyDigest(), "releases/1.4.0"), "resource URI");
        refused(() -> with(S.subjects(), S.gates(), S.policyDigest(), "http://a b/"), "not an absolute URI");
    }

    @Test
    public void theReleaseValuesAreRequired() {
        refused(
                () -> new PromotionStatement(
                        S.subjects(),
                        " ",
                        S.version(),
                        S.environment(),
                        S.releaseDigest(),
                        S.policyUri(),
                        S.policyDigest(),
                        S.gates(),
                        S.verifierId(),
                        S.resourceUri(),
                        S.timeVerified()),
                "application");
        refused(
                () -> new PromotionStatement(
                        S.subjects(),
                        S.application(),
                        S.version(),
                        S.environment(),
                        null,
                        S.policyUri(),
                        S.policyDigest(),
                        S.gates(),
                        S.verifierId(),
                        S.resourceUri(),
                        S.timeVerified()),
                "release digest");
        refused(
                () -> new PromotionStatement(
                        S.subjects(),
                        S.application(),
                        S.version(),
                        S.environment(),
                        S.releaseDigest(),
                        S.policyUri(),
                        S.policyDigest(),
                        S.gates(),
                        S.verifierId(),
                        S.resourceUri(),
                        null),
                "time of verification");
    }

    @Test
    public void listsAreCopied() {
        List<String> gates = new ArrayList<>(List.of("path"));
        PromotionStatement statement = with(S.subjects(), gates, S.policyDigest(), S.resourceUri());
        gates.add("branch");
        assertThat(statement.gates().toString(), containsString("[path]"));
    }

    private static PromotionStatement with(
            List<AttestationSubject> subjects, List<String> gates, String policyDigest, String resourceUri) {
        return new PromotionStatement(
                subjects,
                S.application(),
                S.version(),
                S.environment(),
                S.releaseDigest(),
                S.policyUri(),
                policyDigest,
                gates,
                S.verifierId(),
                resourceUri,
                Instant.parse("2025-06-02T10:00:00Z"));
    }

    private static void refused(org.junit.function.ThrowingRunnable make, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        assertThat(e.getMessage(), containsString(message));
    }
}
