package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds requests and checks verdicts the same way in every signature test. */
public final class Verdicts {

    private Verdicts() {}

    public static VerifierInput request(Path artifact, byte[] signature, List<TrustedKey> keys) {
        return request(artifact, signature, keys, Optional.empty(), Optional.empty());
    }

    public static VerifierInput request(
            Path artifact,
            byte[] signature,
            List<TrustedKey> keys,
            Optional<String> namespace,
            Optional<String> identity) {
        return VerifierInput.of(
                VerificationRequest.forArtifact("dist/" + artifact.getFileName())
                        .namespace(namespace.orElse(null))
                        .identity(identity.orElse(null))
                        .build(),
                ArtifactContent.of(artifact),
                "dist/" + artifact.getFileName() + ".sig",
                signature,
                keys,
                AlgorithmPolicy.DEFAULT);
    }

    /** A verdict that passed, for the right format, with the artifact's real SHA-256. */
    public static void assertVerified(Verification verdict, SignatureFormat format, String sha256) {
        assertTrue("expected verified, got: " + verdict.failure(), verdict.verified());
        assertEquals(format, verdict.format());
        assertEquals(sha256, verdict.artifactDigest().hex());
        assertEquals("", verdict.failure());
        if (format == SignatureFormat.CHECKSUM) {
            assertEquals("an unsigned checksum names no trusted key", "", verdict.trustedKey());
        } else {
            assertThat("a signed verdict names its trusted key", verdict.trustedKey(), not(emptyString()));
        }
    }

    /**
     * A clean failure: not verified, the message names the artifact and every expected fragment, and
     * carries no exception class name or stack frame.
     */
    public static void assertRejected(Verification verdict, String... fragments) {
        assertFalse("expected a rejection", verdict.verified());
        assertThat(verdict.failure(), containsString("Signature check of 'dist/"));
        for (String fragment : fragments) {
            assertThat(verdict.failure(), containsString(fragment));
        }
        assertThat(verdict.failure(), not(containsString("Exception")));
        assertThat(verdict.failure(), not(containsString("\tat ")));
        assertThat(verdict.failure(), not(containsString("null")));
    }
}
