package io.jenkins.plugins.promotiongates.core.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import org.junit.Test;

public class ControllerKeyCodecTest {

    @Test
    public void aDecodedKeyPairSignsAndVerifiesLikeTheOriginal() throws Exception {
        KeyPair original = ControllerKeyCodec.generate(new SecureRandom());
        KeyPair decoded = ControllerKeyCodec.decode(ControllerKeyCodec.encode(original));
        assertArrayEquals(original.getPublic().getEncoded(), decoded.getPublic().getEncoded());
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(decoded.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(original.getPublic());
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    public void damagedTextIsRefusedWithoutEchoingIt() {
        String encoded = ControllerKeyCodec.encode(ControllerKeyCodec.generate(new SecureRandom()));
        for (String bad : new String[] {"", "abc", encoded.replace(':', ';'), "AAAA:" + encoded.split(":")[1]}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ControllerKeyCodec.decode(bad));
            assertThat(e.getMessage(), not(containsString(encoded.split(":")[0].substring(0, 12))));
        }
        assertEquals(2, encoded.split(":").length);
    }
}
