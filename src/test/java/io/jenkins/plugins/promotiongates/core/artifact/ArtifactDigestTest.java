package io.jenkins.plugins.promotiongates.core.artifact;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ArtifactDigestTest {

    private static final String HEX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theOneTextFormRoundTripsAndMatchesSha256sum() throws Exception {
        Path file = tmp.newFile("app.txt").toPath();
        Files.writeString(file, "hello promotion\n", StandardCharsets.UTF_8);
        ArtifactDigest digest = new StreamingDigester()
                .digest(file, EnumSet.of(DigestAlgorithm.SHA256))
                .sha256();

        String sha256sum =
                ExternalTool.run(file.getParent(), "sha256sum", file.toString()).substring(0, 64);
        assertEquals("sha256:" + sha256sum, digest.toString());
        assertEquals(sha256sum, digest.hex());
        assertEquals(digest, ArtifactDigest.parse(digest.toString(), "digest"));
        assertEquals(digest, ArtifactDigest.ofHex(DigestAlgorithm.SHA256, sha256sum, "sha256"));
        assertTrue(digest.matches(ArtifactDigest.parse(digest.toString(), "digest")));
    }

    @Test
    public void digestsOfAnotherValueOrAlgorithmDoNotMatch() {
        ArtifactDigest digest = ArtifactDigest.parse("sha256:" + HEX, "digest");
        assertFalse(digest.matches(ArtifactDigest.parse("sha256:" + HEX.replace('9', '8'), "digest")));
        assertFalse(digest.matches(null));
        assertFalse(digest.matches(ArtifactDigest.of(DigestAlgorithm.SHA512, new byte[64])));
        assertTrue(ArtifactDigest.same(null, null));
        assertFalse(ArtifactDigest.same(digest, null));
        assertNull(ArtifactDigest.parseIfPresent("", "digest"));
        assertEquals("", ArtifactDigest.text(null));
    }

    @Test
    public void everyOtherSpellingIsRefusedNamingTheInputTheReasonAndTheRemedy() {
        String[][] cases = {
            {HEX, "has no algorithm prefix"},
            {"SHA256:" + HEX, "lower case as sha256"},
            {"md5:" + HEX, "not one of sha256, sha384, sha512"},
            {"sha256:" + HEX.toUpperCase(), "only lower-case hexadecimal digits"},
            {"sha256:" + HEX.substring(2), "64 hexadecimal digits, not 62"},
            {"sha256: " + HEX.substring(1), "only lower-case hexadecimal digits"},
            {"", "has no algorithm prefix"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> ArtifactDigest.parse(c[0], "requireApprovals digest"));
            assertThat(e.getMessage(), containsString("requireApprovals digest '" + c[0] + "' is not a digest"));
            assertThat(e.getMessage(), containsString(c[1]));
            assertThat(e.getMessage(), containsString("Write it as sha256: followed by the 64"));
        }
        assertThrows(IllegalArgumentException.class, () -> ArtifactDigest.parse(null, "digest"));
    }

    @Test
    public void aHugeInputIsShortenedInTheMessage() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ArtifactDigest.parse("x".repeat(10_000), "digest"));
        assertThat(e.getMessage().length() < 400, org.hamcrest.Matchers.is(true));
    }
}
