package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class VerificationReportTest {

    private static final ArtifactDigest SHA = ArtifactDigest.ofHex(
            DigestAlgorithm.SHA256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "test digest");

    @Test
    public void verifiedResultBecomesTheStepsReturnMap() {
        Verification ok = new Verification(
                true,
                SignatureFormat.OPENPGP,
                "Ed25519/SHA-256",
                SHA,
                3,
                "ABCD1234",
                "release-team",
                "Release <r@x>",
                List.of("w"),
                "");
        Map<String, Object> map = VerificationReport.asMap(ok);
        assertEquals(
                List.of(
                        "verified",
                        "format",
                        "algorithm",
                        "digest",
                        "size",
                        "keyFingerprint",
                        "trustedKey",
                        "signer",
                        "warnings"),
                List.copyOf(map.keySet()));
        assertEquals(true, map.get("verified"));
        assertEquals("openpgp", map.get("format"));
        assertEquals(SHA.toString(), map.get("digest"));
        assertEquals(3L, map.get("size"));
        assertEquals("release-team", map.get("trustedKey"));
        assertEquals(
                "[Promotion Gates] Signature verified: openpgp, Ed25519/SHA-256, " + SHA
                        + ", key ABCD1234, trusted key release-team, signer Release <r@x>" + System.lineSeparator()
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
                "",
                List.of(),
                "Signature x.sig over x was made by an untrusted key.");
        assertEquals(
                "[Promotion Gates] Signature NOT verified (ssh): Signature x.sig over x was made by an untrusted key.",
                VerificationReport.consoleLine(bad));
    }

    @Test
    public void integrityOnlyResultNamesNoTrustedKey() {
        Verification checksum =
                new Verification(true, SignatureFormat.CHECKSUM, "SHA-256", SHA, 3, "", "", "", List.of(), "");
        assertEquals("", VerificationReport.asMap(checksum).get("trustedKey"));
        assertEquals(
                "[Promotion Gates] Signature verified: checksum, SHA-256, " + SHA,
                VerificationReport.consoleLine(checksum));
    }

    @Test
    public void aFailedVerificationCannotNameATrustedKey() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> new Verification(
                        false, SignatureFormat.SSH, "", SHA, 3, "", "release-team", "", List.of(), "bad"));
        assertThat(refused.getMessage(), containsString("release-team"));
    }

    @Test
    public void formatChoicesStartWithAuto() {
        assertEquals(
                List.of("auto", "openpgp", "cms", "raw", "ssh", "minisign", "signify", "checksum"),
                VerificationReport.FORMAT_CHOICES);
    }
}
