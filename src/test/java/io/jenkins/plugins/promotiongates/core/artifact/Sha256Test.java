package io.jenkins.plugins.promotiongates.core.artifact;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** The SHA-256 text form: what sha256sum prints, and nothing else, counts as one. */
public class Sha256Test {

    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    public void hashesAsSha256sumPrints() {
        assertEquals(EMPTY, Sha256.hex(""));
        assertEquals(
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                Sha256.hex("hello".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void onlySixtyFourLowerCaseDigitsAreHex() {
        assertTrue(Sha256.isHex(EMPTY));
        assertFalse(Sha256.isHex(null));
        assertFalse(Sha256.isHex(EMPTY.substring(1)));
        assertFalse(Sha256.isHex(EMPTY + "0"));
        assertFalse(Sha256.isHex(EMPTY.toUpperCase(java.util.Locale.ROOT)));
        assertFalse(Sha256.isHex(EMPTY.substring(1) + "g"));
        assertFalse(Sha256.isHex(EMPTY.substring(1) + "\u00e9"));
        assertFalse(Sha256.isHex(EMPTY.substring(1) + "\u0130"));
        assertFalse(Sha256.isHex(EMPTY.substring(1) + "\u0161")); // 0x161: its low byte 0x61 is 'a'
    }

    @Test
    public void comparesWholeValues() {
        assertTrue(Sha256.same(EMPTY, Sha256.hex(new byte[0])));
        assertFalse(Sha256.same(EMPTY, EMPTY.substring(1) + "6"));
        assertFalse(Sha256.same(EMPTY, null));
        assertFalse(Sha256.same(null, null));
    }

    @Test
    public void hexAndRawBytesRoundTrip() {
        byte[] sum = DigestAlgorithm.SHA256.newMessageDigest().digest(new byte[0]);
        byte[] text = new byte[66];
        Sha256.hex(sum, text, 1);
        assertEquals(EMPTY, new String(text, 1, 64, StandardCharsets.US_ASCII));
        assertTrue(Sha256.isHex(text, 1));
        byte[] back = new byte[33];
        Sha256.raw(text, 1, back, 1);
        assertTrue(Sha256.same(sum, 0, back, 1, 32));
        text[64] = 'G';
        assertFalse(Sha256.isHex(text, 1));
    }
}
