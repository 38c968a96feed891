package io.jenkins.plugins.promotiongates.core.attestation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.security.KeyPairGenerator;
import org.junit.Test;

public class SslibKeyIdTest {

    /**
     * A key made by in-toto-keygen 1.3.1 ({@code in-toto-keygen -t ed25519 bob}) and the keyid it
     * wrote; SecureSystemsLibInteropTest checks freshly made keys the same way.
     */
    @Test
    public void theKeyIdInTotoKeygenWrote() throws Exception {
        var key = Attestations.fromHex(
                "ca4126aa8fed19bbf55a8eec561dce8972027f7ef462361c113ef5425eb87115",
                "060aaef8bc405bbf00428866f85e0176092069a1de28a8c0e903dad09bd58fa7");
        assertEquals(
                "f2986d5a1ca2d184c01faebf80049c501d3397592bc636b7cbb2a6d1bdfc831d", SslibKeyId.of(key.getPublic()));
    }

    @Test
    public void onlyEd25519KeysHaveOne() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SslibKeyId.of(rsa.getPublic()));
        assertThat(e.getMessage(), containsString("signed with Ed25519; the key given is RSA"));
        assertThrows(IllegalArgumentException.class, () -> SslibKeyId.of(null));
    }
}
