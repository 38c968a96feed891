package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds requests from files and checks verdicts the same way for every format's tests. */
public final class VerdictAssertions {

    private VerdictAssertions() {}

    public static VerifierInput request(Path artifact, Path signature, AlgorithmPolicy policy, TrustedKey... keys)
            throws IOException {
        return VerifierInput.of(
                VerificationRequest.forArtifact("dist/" + artifact.getFileName())
                        .build(),
                ArtifactContent.of(artifact),
                "dist/" + signature.getFileName(),
                Files.readAllBytes(signature),
                List.of(keys),
                policy);
    }

    public static VerifierInput request(Path artifact, Path signature, TrustedKey... keys) throws IOException {
        return request(artifact, signature, AlgorithmPolicy.DEFAULT, keys);
    }

    public static TrustedKey key(String name, Path file) throws IOException {
        return new TrustedKey(name, Files.readAllBytes(file));
    }

    /** A passing verdict with the expected algorithm, whose digest is the artifact's. */
    public static Verification assertVerified(Verification verdict, String algorithm, Path artifact)
            throws IOException, InterruptedException {
        assertTrue("expected a valid signature but got: " + verdict.failure(), verdict.verified());
        assertThat(verdict.failure(), is(emptyString()));
        assertThat(verdict.algorithm(), is(algorithm));
        String sha256sum = ExternalTool.run(artifact.getParent(), "sha256sum", artifact.toString())
                .substring(0, 64);
        assertThat(verdict.artifactDigest().hex(), is(sha256sum));
        assertThat(verdict.artifactSize(), is(Files.size(artifact)));
        assertThat(verdict.keyFingerprint(), not(emptyString()));
        assertThat("a signed verdict names the trusted key that verified it", verdict.trustedKey(), not(emptyString()));
        return verdict;
    }

    /**
     * A failed verdict whose message names the signature and the artifact, contains each expected
     * fragment, and shows no stack trace or exception class.
     */
    public static Verification assertRefused(Verification verdict, VerifierInput request, String... fragments) {
        assertFalse("expected a refusal but the signature verified", verdict.verified());
        String message = verdict.failure();
        assertThat(message, containsString(request.artifactName()));
        assertThat(message, containsString(request.signatureName()));
        for (String fragment : fragments) {
            assertThat(message, containsString(fragment));
        }
        assertCleanMessage(message);
        return verdict;
    }

    /** No stack frames, no exception class names, no PEM or armor blocks. */
    public static void assertCleanMessage(String message) {
        assertThat(message, not(containsString("Exception")));
        assertThat(message, not(containsString("\tat ")));
        assertThat(message, not(containsString("-----BEGIN")));
        assertThat(message, not(containsString("org.bouncycastle")));
        assertThat(message, not(containsString("java.")));
    }
}
