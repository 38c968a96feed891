package io.jenkins.plugins.promotiongates.docs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationSigner;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationSubject;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationVerifier;
import io.jenkins.plugins.promotiongates.core.attestation.DsseEnvelope;
import io.jenkins.plugins.promotiongates.core.attestation.PromotionStatement;
import io.jenkins.plugins.promotiongates.core.attestation.ReferenceVerifier;
import io.jenkins.plugins.promotiongates.core.audit.ControllerKeyCodec;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * docs/attestations.md shows what the engine writes: its example statement and envelope are made
 * again in every build, with the sample controller key of docs/examples/controller.pem, and must be
 * the committed text; its Python recipe is the script the interop tests run, and it verifies the
 * example. After a deliberate change of the format, regenerate the page's examples with
 * {@code -Dpromotiongates.regenerateSamples=true}.
 */
public class AttestationsDocTest {

    /** The sample controller key of SampleAuditBundleTest: published, it signs only samples. */
    private static final String SAMPLE_KEY = "MC4CAQAwBQYDK2VwBCIEICEanwpL3JlU4O8AVR+Z4bsdOnfG9utEqs+iBmvMV+Vr"
            + ":MCowBQYDK2VwAyEADyQcMKWIxjNTZHaFaInDjNpV3VDAwgIK9pNFew6UQ+A=";

    private static final String PAGE = "docs/attestations.md";
    private static final String KEY = "docs/examples/controller.pem";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void theExamplesAreWhatTheEngineWrites() throws Exception {
        KeyPair key = ControllerKeyCodec.decode(SAMPLE_KEY);
        assertEquals("the sample key is the one in " + KEY, PublicKeys.toPem(key.getPublic()), Sources.read(KEY));
        DsseEnvelope envelope = new AttestationSigner(key).sign(sample());
        String statement = pretty(envelope.payloadBytes());
        String file = new String(envelope.toJson(), StandardCharsets.UTF_8) + "\n";
        if (Boolean.getBoolean("promotiongates.regenerateSamples")) {
            String page = Sources.read(PAGE);
            page = replaceBlock(page, "attestation-statement", "json", statement);
            page = replaceBlock(page, "attestation-envelope", "json", file);
            page = replaceBlock(page, "verify-attestation-script", "python", script());
            Files.writeString(Sources.root().resolve(PAGE), page, StandardCharsets.UTF_8);
        }
        String hint = " differs from what the engine writes now; if the attestation format changed on purpose,"
                + " run this test with -Dpromotiongates.regenerateSamples=true and commit the page";
        assertEquals(PAGE + " statement" + hint, statement, block("attestation-statement", "json"));
        assertEquals(PAGE + " envelope" + hint, file, block("attestation-envelope", "json"));
        assertEquals(
                sample(),
                AttestationVerifier.verify(
                        block("attestation-envelope", "json").getBytes(StandardCharsets.UTF_8),
                        PublicKeys.parse(Sources.read(KEY)),
                        PAGE));
    }

    @Test
    public void thePythonRecipeIsTheScriptTheInteropTestsRun() throws Exception {
        assertEquals(script(), block("verify-attestation-script", "python"));
    }

    private static String script() throws Exception {
        try (InputStream script = ReferenceVerifier.class.getResourceAsStream(ReferenceVerifier.SCRIPT)) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void thePythonRecipeVerifiesTheExampleAndRefusesItChanged() throws Exception {
        Path dir = temp.getRoot().toPath();
        Path key = Sources.root().toAbsolutePath().resolve(KEY);
        String file = block("attestation-envelope", "json");
        ReferenceVerifier.Run run = ReferenceVerifier.verify(dir, write(dir, "example.intoto.json", file), key);
        assertEquals(run.err(), 0, run.exitCode());
        assertEquals(
                sample().subjects().get(0).digest().hex() + "  app.tar.gz\n"
                        + sample().subjects().get(1).digest().hex() + "  app-docs.zip\n",
                run.out());
        Matcher sig = Pattern.compile("\"sig\":\"(.)").matcher(file);
        assertTrue(sig.find());
        String changed =
                file.substring(0, sig.start(1)) + (sig.group(1).equals("A") ? "B" : "A") + file.substring(sig.end(1));
        run = ReferenceVerifier.verify(dir, write(dir, "changed.intoto.json", changed), key);
        assertEquals(run.err(), 1, run.exitCode());
    }

    /** shop 1.4.0, two files, promoted to production through every gate (the audit sample's policy digest). */
    private static PromotionStatement sample() {
        return new PromotionStatement(
                List.of(
                        new AttestationSubject(
                                "app.tar.gz",
                                digest("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
                        new AttestationSubject(
                                "app-docs.zip",
                                digest("46b42b4229cd7a39c564e780bb665a8bde4fdf722007e8473f167fe53ed4b995"))),
                "shop",
                "1.4.0",
                "production",
                digest("70614052dfefdb9e265e05e0f89f3178818389fdd6bd22a4e61f822ae8f26026"),
                "https://jenkins.example.com/manage/configureSecurity/",
                "5f1c2a7e9b3d4c6a8e0f1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a",
                List.of("path", "signature", "approvals", "branch", "changeWindow", "soakTime", "version"),
                "https://jenkins.example.com/",
                "file:/srv/releases/production/shop/1.4.0/",
                Instant.parse("2025-06-02T10:00:00Z"));
    }

    private static ArtifactDigest digest(String hex) {
        return ArtifactDigest.parse("sha256:" + hex, "sample");
    }

    /** The statement as the page shows it: indented, keys in canonical order, "key": value. */
    private static String pretty(byte[] canonical) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return mapper.writer(printer).writeValueAsString(mapper.readTree(canonical)) + "\n";
    }

    private static Pattern blockPattern(String marker, String language) {
        return Pattern.compile("(<!-- " + marker + " -->\\n```" + language + "\\n)(.*?)(```\\n)", Pattern.DOTALL);
    }

    private static String block(String marker, String language) {
        Matcher matcher = blockPattern(marker, language).matcher(Sources.read(PAGE));
        assertTrue(PAGE + " has a ```" + language + " block after <!-- " + marker + " -->", matcher.find());
        return matcher.group(2);
    }

    private static String replaceBlock(String page, String marker, String language, String content) {
        Matcher matcher = blockPattern(marker, language).matcher(page);
        assertTrue(PAGE + " has a ```" + language + " block after <!-- " + marker + " -->", matcher.find());
        return page.substring(0, matcher.start(2)) + content + page.substring(matcher.end(2));
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
