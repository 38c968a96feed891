package io.jenkins.plugins.promotiongates.docs;

import static io.jenkins.plugins.promotiongates.core.signature.ExternalTool.sh;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.promotion.ApprovalSummary;
import io.jenkins.plugins.promotiongates.core.promotion.EnvironmentSnapshot;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecordJson;
import io.jenkins.plugins.promotiongates.core.promotion.SignatureReference;
import io.jenkins.plugins.promotiongates.core.promotion.SnapshotDrift;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * docs/audit-format.md shows what the engine writes for releases: the canonical manifest of its example
 * release and that release's digest, a format 2 promotion record of it, and a jq recipe that rebuilds the
 * release digest from the record, which gives that digest when run on the page's record. After a deliberate
 * change of the format, regenerate the examples with {@code -Dpromotiongates.regenerateSamples=true}.
 */
public class ReleaseFormatDocTest {

    private static final String PAGE = "docs/audit-format.md";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** shop 1.4.0: a tarball and its SBOM. */
    static Release sample() {
        return new Release(
                "shop",
                "1.4.0",
                List.of(
                        new ReleaseFile(
                                "app.tar.gz",
                                digest("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                                1048576),
                        new ReleaseFile(
                                "sbom.json",
                                digest("4a44dc15364204a80fe80e9039455cc1608281820fe2b24f1e5233ade6af1dd5"),
                                20480)));
    }

    /** The promotion of {@link #sample} to production, as a format 2 record. */
    static PromotionRecord record() {
        String policy = "5f1c2a7e9b3d4c6a8e0f1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";
        SignatureReference signature = new SignatureReference(
                "release-key", "openpgp", "Ed25519", "3AA5C34371567BD2", "Release Team <release@example.com>");
        return new PromotionRecord(
                "production",
                "staging",
                sample(),
                "shop/main#42",
                "job/shop/job/main/42/",
                Instant.parse("2025-06-02T10:00:00Z"),
                "/srv/releases/production",
                true,
                false,
                false,
                List.of(new ApprovalSummary("approve-prod", "APPROVED", policy, List.of("ann", "bob"))),
                List.of(signature, signature),
                policy,
                new EnvironmentSnapshot(Map.of("JAVA_HOME", "/usr/lib/jvm/java-17"), Map.of()),
                SnapshotDrift.BASELINE);
    }

    private static ArtifactDigest digest(String hex) {
        return ArtifactDigest.parse("sha256:" + hex, "sample");
    }

    @Test
    public void theExamplesAreWhatTheEngineWrites() throws Exception {
        String manifest = new String(sample().manifest(), StandardCharsets.UTF_8) + "\n";
        String record = pretty(PromotionRecordJson.canonicalBytes(record()));
        if (Boolean.getBoolean("promotiongates.regenerateSamples")) {
            String page = Sources.read(PAGE);
            page = replaceBlock(page, "release-manifest", "json", manifest);
            page = replaceBlock(page, "promotion-record-2", "json", record);
            Files.writeString(Sources.root().resolve(PAGE), page, StandardCharsets.UTF_8);
        }
        String hint = " differs from what the engine writes now; if the format changed on purpose, run this test"
                + " with -Dpromotiongates.regenerateSamples=true and commit the page";
        assertEquals(PAGE + " manifest" + hint, manifest, block("release-manifest", "json"));
        assertEquals(PAGE + " record" + hint, record, block("promotion-record-2", "json"));
        assertTrue(
                PAGE + " names the example's release digest " + sample().digest(),
                Sources.read(PAGE).contains("`" + sample().digest() + "`"));
        assertEquals(record(), PromotionRecordJson.read(block("promotion-record-2", "json")));
    }

    @Test
    public void theJqRecipeRebuildsTheReleaseDigestFromTheRecord() throws Exception {
        Path dir = temp.getRoot().toPath();
        Files.writeString(dir.resolve("record.json"), block("promotion-record-2", "json"), StandardCharsets.UTF_8);
        assertEquals(
                sample().digest().hex() + "  -\n",
                sh(dir, block("release-digest-recipe", "sh").trim()));
    }

    /** The JSON as the page shows it: indented, keys in canonical order, "key": value. */
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
}
