package io.jenkins.plugins.promotiongates.core.artifact;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.junit.Test;

public class DigestsTest {

    @Test
    public void labelledIsTheAlgorithmAColonAndLowerCaseHex() throws Exception {
        byte[] abc = MessageDigest.getInstance("SHA-256").digest("abc".getBytes(StandardCharsets.US_ASCII));
        Digests digests = new Digests(3, Map.of(DigestAlgorithm.SHA256, abc));
        // sha256("abc") from FIPS 180-2, as `printf abc | sha256sum` prints it
        assertEquals(
                "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                digests.sha256().toString());
    }
}
