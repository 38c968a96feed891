package io.jenkins.plugins.promotiongates.core.signature;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumVerifier;
import io.jenkins.plugins.promotiongates.core.signature.minisign.MinisignVerifier;
import io.jenkins.plugins.promotiongates.core.signature.signify.SignifyVerifier;
import io.jenkins.plugins.promotiongates.core.signature.ssh.SshVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Detection over real signatures from each tool. OpenPGP, CMS and raw verifiers are written by
 * another part of the engine; here they are stood in for by {@link PrefixVerifier}s that recognise
 * their armor, which is all the detector asks of a verifier.
 */
public class SignatureFormatDetectorTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path dir;
    private static final List<TrustedKey> NO_KEYS = List.of();
    private static final List<TrustedKey> PEM_KEY = List.of(new TrustedKey(
            "cosign.pub",
            "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n".getBytes(StandardCharsets.US_ASCII)));

    private final SignatureFormatDetector detector = new SignatureFormatDetector(List.of(
            new ChecksumVerifier(),
            new SignifyVerifier(),
            new MinisignVerifier(),
            new SshVerifier(),
            new PrefixVerifier(SignatureFormat.OPENPGP, "-----BEGIN PGP SIGNATURE-----"),
            new PrefixVerifier(SignatureFormat.CMS, "-----BEGIN PKCS7-----"),
            new PrefixVerifier(SignatureFormat.RAW, "")));

    /** Recognises bytes that start with a prefix; the detector is all this test exercises. */
    record PrefixVerifier(SignatureFormat format, String prefix) implements SignatureVerifier {
        @Override
        public boolean recognizes(byte[] signature) {
            return new String(signature, StandardCharsets.ISO_8859_1).startsWith(prefix);
        }

        @Override
        public Verification verify(VerifierInput request) {
            throw new UnsupportedOperationException("detection only");
        }
    }

    @BeforeClass
    public static void signWithEveryTool() throws Exception {
        dir = TEMP.getRoot().toPath();
        Files.writeString(dir.resolve("a.bin"), "artifact\n");
        ExternalTool.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "ssh");
        ExternalTool.run(dir, "ssh-keygen", "-Y", "sign", "-f", "ssh", "-n", "file", "a.bin");
        Files.move(dir.resolve("a.bin.sig"), dir.resolve("ssh.sig"));
        ExternalTool.run(dir, "minisign", "-G", "-W", "-p", "m.pub", "-s", "m.key");
        ExternalTool.run(dir, "minisign", "-S", "-s", "m.key", "-m", "a.bin");
        ExternalTool.run(dir, "minisign", "-S", "-l", "-s", "m.key", "-m", "a.bin", "-x", "legacy.minisig");
        ExternalTool.run(dir, "signify-openbsd", "-G", "-n", "-p", "s.pub", "-s", "s.sec");
        ExternalTool.run(dir, "signify-openbsd", "-S", "-s", "s.sec", "-m", "a.bin", "-x", "signify.sig");
        Files.writeString(dir.resolve("SHA256"), ExternalTool.run(dir, "sha256sum", "--tag", "a.bin"));
        ExternalTool.run(dir, "signify-openbsd", "-S", "-e", "-s", "s.sec", "-m", "SHA256");
        Files.writeString(dir.resolve("SHA256SUMS"), ExternalTool.run(dir, "sha256sum", "a.bin"));
    }

    private SignatureFormat detect(String file, List<TrustedKey> keys) throws Exception {
        return detector.detect(Files.readAllBytes(dir.resolve(file)), file, keys)
                .format();
    }

    @Test
    public void eachToolsOutputIsDetected() throws Exception {
        assertEquals(SignatureFormat.SSH, detect("ssh.sig", NO_KEYS));
        assertEquals(SignatureFormat.MINISIGN, detect("a.bin.minisig", NO_KEYS));
        assertEquals(SignatureFormat.MINISIGN, detect("legacy.minisig", NO_KEYS));
        assertEquals(SignatureFormat.SIGNIFY, detect("signify.sig", NO_KEYS));
        assertEquals(SignatureFormat.SIGNIFY, detect("SHA256.sig", NO_KEYS));
        assertEquals(SignatureFormat.CHECKSUM, detect("SHA256SUMS", NO_KEYS));
        assertEquals(SignatureFormat.CHECKSUM, detect("SHA256", NO_KEYS));
        byte[] pgp = "-----BEGIN PGP SIGNATURE-----\n\niQ==\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(
                SignatureFormat.OPENPGP, detector.detect(pgp, "a.asc", NO_KEYS).format());
    }

    @Test
    public void rawOnlyWhenNothingElseMatchesAndAKeyIsPem() throws Exception {
        byte[] bytes = {0x30, 0x45, 0x02, 0x21, 0x00};
        assertEquals(
                SignatureFormat.RAW,
                detector.detect(bytes, "a.bin.sig", PEM_KEY).format());
        UndetectedFormatException error =
                assertThrows(UndetectedFormatException.class, () -> detector.detect(bytes, "a.bin.sig", NO_KEYS));
        assertThat(error.getMessage(), containsString("'a.bin.sig' is not recognized"));
        assertThat(error.getMessage(), containsString("raw is only assumed when a trusted key is a PEM public key"));
        assertEquals(
                SignatureFormat.SSH,
                detector.detect(Files.readAllBytes(dir.resolve("ssh.sig")), "x", PEM_KEY)
                        .format());
    }

    @Test
    public void ambiguityIsResolvedByTheExtensionOrReported() throws Exception {
        SignatureFormatDetector overlapping = new SignatureFormatDetector(List.of(
                new PrefixVerifier(SignatureFormat.OPENPGP, "x"), new PrefixVerifier(SignatureFormat.CMS, "x")));
        byte[] bytes = "x".getBytes(StandardCharsets.US_ASCII);
        assertEquals(
                SignatureFormat.CMS, overlapping.detect(bytes, "a.p7s", NO_KEYS).format());
        assertEquals(
                SignatureFormat.OPENPGP,
                overlapping.detect(bytes, "a.asc", NO_KEYS).format());
        UndetectedFormatException error =
                assertThrows(UndetectedFormatException.class, () -> overlapping.detect(bytes, "a.bin", NO_KEYS));
        assertEquals(
                "The format of signature file 'a.bin' is ambiguous: it looks like openpgp, cms. Pass the format "
                        + "explicitly, for example format: 'openpgp' (command line: --format openpgp).",
                error.getMessage());
    }

    @Test
    public void aVerifierThatThrowsCountsAsNotRecognizing() throws Exception {
        SignatureVerifier throwing = new SignatureVerifier() {
            @Override
            public SignatureFormat format() {
                return SignatureFormat.OPENPGP;
            }

            @Override
            public boolean recognizes(byte[] signature) {
                throw new IllegalStateException("broken recognizer");
            }

            @Override
            public Verification verify(VerifierInput request) {
                throw new UnsupportedOperationException("detection only");
            }
        };
        assertEquals(
                SignatureFormat.SSH,
                new SignatureFormatDetector(List.of(throwing, new SshVerifier()))
                        .detect(Files.readAllBytes(dir.resolve("ssh.sig")), "ssh.sig", NO_KEYS)
                        .format());
    }

    @Test
    public void extensionHints() {
        assertEquals(EnumSet.of(SignatureFormat.OPENPGP), SignatureFormatDetector.hintedFormats("dist/a.tar.gz.asc"));
        assertEquals(EnumSet.of(SignatureFormat.MINISIGN), SignatureFormatDetector.hintedFormats("a.MINISIG"));
        assertEquals(EnumSet.of(SignatureFormat.CMS), SignatureFormatDetector.hintedFormats("a.p7s"));
        assertEquals(EnumSet.of(SignatureFormat.CHECKSUM), SignatureFormatDetector.hintedFormats("dist/SHA256SUMS"));
        assertEquals(
                EnumSet.of(SignatureFormat.OPENPGP, SignatureFormat.SIGNIFY, SignatureFormat.SSH, SignatureFormat.RAW),
                SignatureFormatDetector.hintedFormats("a.sig"));
        assertEquals(EnumSet.noneOf(SignatureFormat.class), SignatureFormatDetector.hintedFormats("a.bin"));
    }

    /** Each format declares its suffixes once: what its tools write suggests it, and the locator tries it. */
    @Test
    public void everySuffixAFormatWritesSuggestsItAndIsLookedFor() {
        for (SignatureFormat format : SignatureFormat.values()) {
            for (String suffix : format.writtenSuffixes()) {
                assertTrue(
                        format + " " + suffix,
                        SignatureFormatDetector.hintedFormats("dist/app.tar.gz" + suffix)
                                .contains(format));
                assertTrue(
                        format + " " + suffix,
                        io.jenkins.plugins.promotiongates.core.signature.verification.SignatureLocator.EXTENSIONS
                                .contains(suffix));
            }
        }
        assertEquals(EnumSet.of(SignatureFormat.CHECKSUM), SignatureFormatDetector.hintedFormats("app.SHA384SUM"));
        assertEquals(EnumSet.of(SignatureFormat.CHECKSUM), SignatureFormatDetector.hintedFormats("sha512"));
        assertEquals(EnumSet.of(SignatureFormat.OPENPGP), SignatureFormatDetector.hintedFormats("a\\b.PGP"));
    }
}
