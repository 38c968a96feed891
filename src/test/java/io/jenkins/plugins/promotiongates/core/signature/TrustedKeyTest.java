package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class TrustedKeyTest {

    @Test
    public void readsKeyMaterialUpToTheCap() throws IOException {
        byte[] pem = "-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(
                pem, TrustedKey.read("release", new ByteArrayInputStream(pem)).material());
        byte[] atCap = new byte[TrustedKey.MAX_MATERIAL_BYTES];
        assertArrayEquals(
                atCap, TrustedKey.read("big", new ByteArrayInputStream(atCap)).material());
    }

    @Test
    public void refusesOversizedAndEmptyMaterialNamingTheKey() {
        IOException tooBig = assertThrows(
                IOException.class,
                () -> TrustedKey.read(
                        "release", new ByteArrayInputStream(new byte[TrustedKey.MAX_MATERIAL_BYTES + 1])));
        assertThat(tooBig.getMessage(), containsString("Key material of 'release' is larger than 1048576 bytes"));
        IOException empty = assertThrows(
                IOException.class, () -> TrustedKey.read("release", new ByteArrayInputStream(new byte[0])));
        assertThat(empty.getMessage(), containsString("Key material of 'release' is empty"));
    }

    @Test
    public void materialIsCopiedNotShared() {
        byte[] material = {1, 2, 3};
        TrustedKey key = new TrustedKey("k", material);
        material[0] = 9;
        key.material()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, key.material());
    }
}
