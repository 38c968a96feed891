package io.jenkins.plugins.promotiongates.core.attestation;

import static org.junit.Assert.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class PaeTest {

    @Test
    public void theDsseProtocolsTestVector() {
        assertArrayEquals(
                "DSSEv1 29 http://example.com/HelloWorld 11 hello world".getBytes(StandardCharsets.US_ASCII),
                Pae.encode("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    public void lengthsCountBytesNotCharacters() {
        assertArrayEquals("DSSEv1 2 é 0 ".getBytes(StandardCharsets.UTF_8), Pae.encode("é", new byte[0]));
        assertArrayEquals(
                "DSSEv1 28 application/vnd.in-toto+json 4 {é}".getBytes(StandardCharsets.UTF_8),
                Pae.encode("application/vnd.in-toto+json", "{é}".getBytes(StandardCharsets.UTF_8)));
    }
}
