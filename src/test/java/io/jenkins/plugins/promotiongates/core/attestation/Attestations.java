package io.jenkins.plugins.promotiongates.core.attestation;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Statements and keys for the attestation tests: the values a promotion of shop 1.4.0 to production produces. */
public final class Attestations {

    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    private static final String SPKI_PREFIX = "302a300506032b6570032100";

    private Attestations() {}

    /** The SHA-256 of {@code text}, as a digest. */
    public static ArtifactDigest sha256Of(String text) {
        return ArtifactDigest.ofHex(DigestAlgorithm.SHA256, Sha256.hex(text.getBytes(StandardCharsets.UTF_8)), text);
    }

    /** shop 1.4.0, two files, promoted to production through every gate. */
    public static PromotionStatement statement() {
        return new PromotionStatement(
                List.of(
                        new AttestationSubject("app.tar.gz", sha256Of("app.tar.gz bytes")),
                        new AttestationSubject("app-docs.zip", sha256Of("app-docs.zip bytes"))),
                "shop",
                "1.4.0",
                "production",
                sha256Of("shop 1.4.0 manifest"),
                "https://jenkins.example.com/manage/configureSecurity/",
                Sha256.hex("effective policy"),
                List.of("path", "signature", "approvals", "branch", "changeWindow", "soakTime", "version"),
                "https://jenkins.example.com/",
                "file:/srv/releases/production/shop/1.4.0/",
                Instant.parse("2025-06-02T10:00:00Z"));
    }

    /** An Ed25519 key pair from its raw halves in hex, as in-toto-keygen writes them. */
    public static KeyPair fromHex(String privateSeedHex, String publicHex) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        HexFormat hex = HexFormat.of();
        return new KeyPair(
                factory.generatePublic(new X509EncodedKeySpec(hex.parseHex(SPKI_PREFIX + publicHex))),
                factory.generatePrivate(new PKCS8EncodedKeySpec(hex.parseHex(PKCS8_PREFIX + privateSeedHex))));
    }
}
