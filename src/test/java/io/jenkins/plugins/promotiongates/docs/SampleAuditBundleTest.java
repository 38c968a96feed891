package io.jenkins.plugins.promotiongates.docs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerification;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerifier;
import io.jenkins.plugins.promotiongates.core.audit.ControllerKeyCodec;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import io.jenkins.plugins.promotiongates.core.event.ArtifactRef;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * docs/examples/audit-bundle.json and docs/examples/controller.pem, the sample that docs/auditing.md
 * lets an auditor try its recipe and the command line on, are what the engine writes for a
 * promotion, with a fixed clock and a fixed key: this test builds them again and fails if the
 * committed files differ. After a deliberate change of the audit format, regenerate them with
 * {@code -Dpromotiongates.regenerateSamples=true}.
 */
public class SampleAuditBundleTest {

    /**
     * The sample controller's Ed25519 key pair, in {@link ControllerKeyCodec}'s form. Published on
     * purpose: it signs only this sample, so it proves nothing about any real controller.
     */
    private static final String SAMPLE_KEY = "MC4CAQAwBQYDK2VwBCIEICEanwpL3JlU4O8AVR+Z4bsdOnfG9utEqs+iBmvMV+Vr"
            + ":MCowBQYDK2VwAyEADyQcMKWIxjNTZHaFaInDjNpV3VDAwgIK9pNFew6UQ+A=";

    private static final String BUNDLE = "docs/examples/audit-bundle.json";
    private static final String KEY = "docs/examples/controller.pem";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void theCommittedSampleIsWhatTheEngineWrites() throws Exception {
        KeyPair key = ControllerKeyCodec.decode(SAMPLE_KEY);
        byte[] bundle = sampleBundle(key);
        byte[] pem = PublicKeys.toPem(key.getPublic()).getBytes(StandardCharsets.US_ASCII);

        BundleVerification verification = BundleVerifier.verify(bundle, Optional.of(key.getPublic()));
        assertTrue(String.valueOf(verification.problem()), verification.verified());
        assertEquals(6, verification.events());
        assertArrayEquals("building the sample twice gives the same bytes", bundle, sampleBundle(key));

        Path root = Sources.root();
        if (Boolean.getBoolean("promotiongates.regenerateSamples")) {
            Files.write(root.resolve(BUNDLE), bundle);
            Files.write(root.resolve(KEY), pem);
        }
        String hint = " differs from what the engine writes now; if the audit format changed on purpose, run this"
                + " test with -Dpromotiongates.regenerateSamples=true and commit the files";
        assertArrayEquals(BUNDLE + hint, bundle, Files.readAllBytes(root.resolve(BUNDLE)));
        assertArrayEquals(KEY + hint, pem, Files.readAllBytes(root.resolve(KEY)));
        BundleVerification committed = BundleVerifier.verify(
                Files.readAllBytes(root.resolve(BUNDLE)),
                Optional.of(PublicKeys.parse(Files.readString(root.resolve(KEY), StandardCharsets.US_ASCII))));
        assertTrue("the committed bundle verifies with the committed key", committed.verified());
    }

    /** docs/auditing.md's jq/openssl recipe accepts the sample, and refuses it with one name changed. */
    @Test
    public void theAuditorsRecipeVerifiesTheSample() throws Exception {
        String guide = Sources.read("docs/auditing.md");
        Matcher recipe = Pattern.compile("<!-- verify-bundle-recipe -->\\s*```sh\\n(.*?)```", Pattern.DOTALL)
                .matcher(guide);
        assertTrue("docs/auditing.md has the recipe block", recipe.find());
        Path script = temp.newFile("verify-bundle.sh").toPath();
        Files.writeString(script, recipe.group(1));
        Path root = Sources.root().toAbsolutePath();
        assertEquals(0, bash(script, root.resolve(BUNDLE), root.resolve(KEY)));
        Path tampered = temp.newFile("tampered.json").toPath();
        Files.writeString(
                tampered,
                Files.readString(root.resolve(BUNDLE), StandardCharsets.UTF_8).replace("\"alice\"", "\"mallory\""));
        assertEquals(1, bash(script, tampered, root.resolve(KEY)));
    }

    private static int bash(Path script, Path bundle, Path key) throws Exception {
        Process process = new ProcessBuilder("bash", script.toString(), bundle.toString(), key.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor();
    }

    /** shop/main #42 verifies a signature, waits for two approvals, passes its gates and promotes. */
    private byte[] sampleBundle(KeyPair key) throws Exception {
        Path base = temp.newFolder().toPath();
        Clock clock = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);
        ArtifactRef artifact = new ArtifactRef(
                "dist/app.tar.gz",
                1048576,
                ArtifactDigest.parse(
                        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "sample"));
        String policy = "5f1c2a7e9b3d4c6a8e0f1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";
        RunRef run = new RunRef("shop/main", 42, "job/shop/job/main/42/", base.resolve("run"));
        Files.createDirectories(run.directory());
        try (AuditService audit = AuditService.open(
                base.resolve("ledger"),
                key,
                new LedgerOptions(1 << 20, 100, Duration.ofHours(1)),
                clock,
                (job, build) -> Optional.of(run.directory()))) {
            audit.record(
                    run,
                    EventDraft.of(EventTypes.SIGNATURE_VERIFIED, "carol")
                            .withEnvironment("production")
                            .withArtifact(artifact)
                            .withDetails(details(
                                    "format",
                                    "openpgp",
                                    "algorithm",
                                    "Ed25519/SHA-256",
                                    "trustedKey",
                                    "release-team",
                                    "signer",
                                    "Release Team <release@example.com>")));
            audit.record(
                    run,
                    EventDraft.of(EventTypes.APPROVAL_REQUESTED, "carol")
                            .withEnvironment("production")
                            .withArtifact(artifact)
                            .withPolicyDigest(policy)
                            .withDetails(
                                    details("gate", "approve-prod", "message", "Release app 1.4.0 to production?")));
            for (String approver : List.of("alice", "bob")) {
                audit.record(
                        run,
                        EventDraft.of(EventTypes.APPROVAL_GRANTED, approver)
                                .withEnvironment("production")
                                .withArtifact(artifact)
                                .withPolicyDigest(policy)
                                .withDetails(
                                        details("gate", "approve-prod", "rule", "release-managers", "comment", "")));
            }
            audit.record(
                    run,
                    EventDraft.of(EventTypes.GATE_PASSED, EventDraft.SYSTEM)
                            .withEnvironment("production")
                            .withArtifact(artifact)
                            .withPolicyDigest(policy)
                            .withDetails(details(
                                    "gates", "path, signature, approvals, branch, changeWindow, soakTime, version")));
            audit.record(
                    run,
                    EventDraft.of(EventTypes.PROMOTION_COMPLETED, "carol")
                            .withEnvironment("production")
                            .withArtifact(artifact)
                            .withPolicyDigest(policy)
                            .withDetails(details(
                                    "from",
                                    "staging",
                                    "version",
                                    "1.4.0",
                                    "location",
                                    "file:/srv/releases/production/app.tar.gz/1.4.0/app.tar.gz")));
            return audit.bundle(run);
        }
    }

    private static Map<String, Object> details(String... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put(pairs[i], pairs[i + 1]);
        }
        return details;
    }
}
