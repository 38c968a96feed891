package io.jenkins.plugins.promotiongates.core.signature;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class VerificationReportTest {

    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    public void verifiedResultBecomesTheStepsReturnMap() {
        Verification ok = new Verification(
                true,
                SignatureFormat.OPENPGP,
                "Ed25519/SHA-256",
                SHA,
                3,
                "ABCD1234",
                "Release <r@x>",
                List.of("w"),
                "");
        Map<String, Object> map = VerificationReport.asMap(ok);
        assertEquals(
                List.of("verified", "format", "algorithm", "digest", "size", "keyFingerprint", "signer", "warnings"),
                List.copyOf(map.keySet()));
        assertEquals(true, map.get("verified"));
        assertEquals("openpgp", map.get("format"));
        assertEquals("sha256:" + SHA, map.get("digest"));
        assertEquals(3L, map.get("size"));
        assertEquals(
                "[Promotion Gates] Signature verified: openpgp, Ed25519/SHA-256, sha256:" + SHA
                        + ", key ABCD1234, signer Release <r@x>" + System.lineSeparator()
                        + "[Promotion Gates] Warning: w",
                VerificationReport.consoleLine(ok));
    }

    @Test
    public void failureLineCarriesTheReason() {
        Verification bad = new Verification(
                false,
                SignatureFormat.SSH,
                "",
                SHA,
                3,
                "",
                "",
                List.of(),
                "Signature x.sig over x was made by an untrusted key.");
        assertEquals(
                "[Promotion Gates] Signature NOT verified (ssh): Signature x.sig over x was made by an untrusted key.",
                VerificationReport.consoleLine(bad));
    }

    @Test
    public void formatChoicesStartWithAuto() {
        assertEquals(
                List.of("auto", "openpgp", "cms", "raw", "ssh", "minisign", "signify", "checksum"),
                VerificationReport.FORMAT_CHOICES);
    }
}
