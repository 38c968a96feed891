package io.jenkins.plugins.promotiongates.core.signature.openpgp;

import static org.junit.Assert.assertFalse;

import java.util.Random;
import org.junit.Test;

/**
 * Format detection must not take a raw signature for an OpenPGP one: about one raw signature in 50
 * starts with a byte that is also an OpenPGP signature packet's header (0x88-0x8B, 0xC2), which once
 * made auto-detection send an openssl Ed25519 signature to the OpenPGP verifier at random.
 */
public class BinaryDetectionTest {

    @Test
    public void randomBytesThatStartLikeASignaturePacketAreNotRecognized() {
        Random random = new Random(20261206L);
        int[] headers = {0x88, 0x89, 0x8A, 0x8B, 0xC2};
        for (int length : new int[] {64, 71, 72, 96, 104, 132, 256, 512}) {
            for (int header : headers) {
                for (int i = 0; i < 200; i++) {
                    byte[] raw = new byte[length];
                    random.nextBytes(raw);
                    raw[0] = (byte) header;
                    assertFalse(
                            "a random " + length + "-byte signature starting with 0x" + Integer.toHexString(header),
                            new OpenPgpVerifier(java.time.Clock.systemUTC()).recognizes(raw));
                }
            }
        }
    }
}
