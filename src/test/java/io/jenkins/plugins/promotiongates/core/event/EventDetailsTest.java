package io.jenkins.plugins.promotiongates.core.event;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.json.DetailsJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Each typed details record writes exactly the JSON the ledgers already hold (pinned here as text,
 * so a renamed key fails) and reads back what it wrote.
 */
public class EventDetailsTest {

    private static final String DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** The canonical JSON the recorder writes for these details. */
    private static String written(Map<String, Object> details) {
        return new String(CanonicalJson.write(DetailsJson.toNode(details, "details")), StandardCharsets.UTF_8);
    }

    /** The details as a recorded event holds them, parsed back from the ledger's bytes. */
    private static JsonNode recorded(Map<String, Object> details) throws Exception {
        byte[] bytes = CanonicalJson.write(DetailsJson.toNode(details, "details"));
        return CanonicalJson.readObject(bytes, 0, bytes.length, "details");
    }

    @Test
    public void signatureDetailsRoundTrip() throws Exception {
        SignatureDetails verified = new SignatureDetails(
                "app.tar.gz.sig", "ssh", "Ed25519", "SHA256:abc", "release-team", "ci@example.com", List.of("w"), null);
        assertEquals(
                "{\"algorithm\":\"Ed25519\",\"format\":\"ssh\",\"keyFingerprint\":\"SHA256:abc\","
                        + "\"signature\":\"app.tar.gz.sig\",\"signer\":\"ci@example.com\","
                        + "\"trustedKey\":\"release-team\",\"warnings\":[\"w\"]}",
                written(verified.toMap()));
        assertEquals(verified, SignatureDetails.from(recorded(verified.toMap())));
        assertEquals(verified, SignatureDetails.shown(recorded(verified.toMap())));

        SignatureDetails failed =
                new SignatureDetails("app.tar.gz.sig", "ssh", "Ed25519", "", "", "", List.of(), "damaged signature");
        assertThat(written(failed.toMap()), containsString("\"reason\":\"damaged signature\""));
        assertEquals(failed, SignatureDetails.from(recorded(failed.toMap())));
    }

    @Test
    public void signatureDetailsWriteUnknownValuesAsNullAndReadThemAsEmpty() throws Exception {
        SignatureDetails anonymous =
                new SignatureDetails("s.sig", "sha256sum", "SHA-256", null, null, null, List.of(), null);
        assertEquals(
                "{\"algorithm\":\"SHA-256\",\"format\":\"sha256sum\",\"keyFingerprint\":null,"
                        + "\"signature\":\"s.sig\",\"signer\":null,\"trustedKey\":null,\"warnings\":[]}",
                written(anonymous.toMap()));
        SignatureDetails read = SignatureDetails.from(recorded(anonymous.toMap()));
        assertEquals("", read.trustedKey());
        assertEquals("", read.signer());
        assertNull(read.reason());
    }

    @Test
    public void signatureDetailsReadStrictlyNameTheMember() throws Exception {
        ObjectNode details =
                (ObjectNode) recorded(new SignatureDetails("s", "ssh", "Ed25519", "", "", "", List.of(), null).toMap());
        details.remove("algorithm");
        assertEquals(
                "details.algorithm is missing",
                assertThrows(IllegalArgumentException.class, () -> SignatureDetails.from(details))
                        .getMessage());
        details.put("algorithm", "Ed25519").put("signer", 7);
        assertEquals(
                "details.signer is not a string",
                assertThrows(IllegalArgumentException.class, () -> SignatureDetails.from(details))
                        .getMessage());
        details.put("signer", "x".repeat(SignatureDetails.MAX_TEXT + 1));
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> SignatureDetails.from(details))
                        .getMessage(),
                containsString("details.signer is longer than"));
        assertEquals(
                "x".repeat(SignatureDetails.MAX_TEXT + 1),
                SignatureDetails.shown(details).signer());
    }

    @Test
    public void signatureWarningsAreReadStrictlyAsAListOfBoundedTexts() throws Exception {
        ObjectNode details =
                (ObjectNode) recorded(new SignatureDetails("s", "ssh", "Ed25519", "", "", "", List.of(), null).toMap());
        details.put("warnings", "one warning");
        assertEquals(
                "details.warnings is not a list",
                assertThrows(IllegalArgumentException.class, () -> SignatureDetails.from(details))
                        .getMessage());
        details.putArray("warnings").add(1);
        assertEquals(
                "details.warnings[] is not a string",
                assertThrows(IllegalArgumentException.class, () -> SignatureDetails.from(details))
                        .getMessage());
        details.putArray("warnings").add("w".repeat(SignatureDetails.MAX_TEXT));
        assertEquals(
                List.of("w".repeat(SignatureDetails.MAX_TEXT)),
                SignatureDetails.from(details).warnings());
        details.remove("warnings");
        assertEquals(List.of(), SignatureDetails.from(details).warnings());
    }

    @Test
    public void shownSignatureDetailsReadAMissingOrNullReasonAsNone() throws Exception {
        ObjectNode details = (ObjectNode)
                recorded(new SignatureDetails("s", "ssh", "Ed25519", "", "", "", List.of(), "bad").toMap());
        assertEquals("bad", SignatureDetails.shown(details).reason());
        details.putNull("reason");
        assertNull(SignatureDetails.shown(details).reason());
        details.remove("reason");
        assertNull(SignatureDetails.shown(details).reason());
    }

    @Test
    public void releaseTreeIsTheReleaseAsJsonOrNone() {
        assertNull(ApprovalRequestedDetails.releaseTree(null));
        assertEquals(
                "{\"version\":\"1.4.2\"}",
                ApprovalRequestedDetails.releaseTree(Map.of("version", "1.4.2")).toString());
    }

    @Test
    public void signatureNotRunDetailsRoundTrip() throws Exception {
        SignatureNotRunDetails details = new SignatureNotRunDetails("../etc/passwd", "path escapes the workspace");
        assertEquals(
                "{\"artifactPath\":\"../etc/passwd\",\"reason\":\"path escapes the workspace\"}",
                written(details.toMap()));
        assertEquals(details, SignatureNotRunDetails.from(recorded(details.toMap())));
    }

    @Test
    public void approvalRequestedDetailsRoundTrip() throws Exception {
        byte[] release = "{\"application\":\"shop\",\"version\":\"1.2\"}".getBytes(StandardCharsets.UTF_8);
        ApprovalRequestedDetails details = new ApprovalRequestedDetails(
                "deploy",
                DIGEST,
                CanonicalJson.readObject(release, 0, release.length, "release"),
                "Ship it?",
                "2026-01-02T03:04:05Z",
                List.of(new ApprovalRequestedDetails.Rule("leads", 2, List.of("ann"), List.of("ops"), true)),
                List.of("uma", "ned"));
        assertEquals(
                "{\"artifactDigest\":\"" + DIGEST + "\",\"deadline\":\"2026-01-02T03:04:05Z\",\"gate\":\"deploy\","
                        + "\"message\":\"Ship it?\",\"release\":{\"application\":\"shop\",\"version\":\"1.2\"},"
                        + "\"rules\":[{\"commentRequired\":true,\"count\":2,\"groups\":[\"ops\"],\"name\":\"leads\","
                        + "\"users\":[\"ann\"]}],\"starters\":[\"uma\",\"ned\"]}",
                written(details.toMap()));
        assertEquals(details, ApprovalRequestedDetails.from(recorded(details.toMap())));

        ApprovalRequestedDetails unbound =
                new ApprovalRequestedDetails("deploy", "", null, "", "2026-01-02T03:04:05Z", List.of(), List.of());
        assertFalse(written(unbound.toMap()).contains("release"));
        assertEquals(unbound, ApprovalRequestedDetails.from(recorded(unbound.toMap())));
    }

    @Test
    public void approvalDecisionDetailsRoundTrip() throws Exception {
        ApprovalDecisionDetails details =
                new ApprovalDecisionDetails("deploy", DIGEST, "looks good", "2026-01-02T03:04:05Z", List.of(0, 2));
        assertEquals(
                "{\"artifactDigest\":\"" + DIGEST + "\",\"comment\":\"looks good\","
                        + "\"decidedAt\":\"2026-01-02T03:04:05Z\",\"gate\":\"deploy\",\"rules\":[0,2]}",
                written(details.toMap()));
        assertEquals(details, ApprovalDecisionDetails.from(recorded(details.toMap())));
        assertEquals(new GateDetails("deploy", DIGEST), GateDetails.from(recorded(details.toMap())));
    }

    @Test
    public void approvalExpiredDetailsRoundTrip() throws Exception {
        ApprovalExpiredDetails details =
                new ApprovalExpiredDetails("deploy", "", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "PT24H");
        assertEquals(
                "{\"artifactDigest\":\"\",\"decidedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"expiredAt\":\"2026-01-02T00:00:00Z\",\"gate\":\"deploy\",\"validity\":\"PT24H\"}",
                written(details.toMap()));
        assertEquals(details, ApprovalExpiredDetails.from(recorded(details.toMap())));
    }

    @Test
    public void gateClosedDetailsRoundTrip() throws Exception {
        GateClosedDetails details = new GateClosedDetails(
                "deploy", DIGEST, "BROKEN_GLASS", "forced open by admin", "2026-01-02T03:04:05Z", true);
        assertEquals(
                "{\"artifactDigest\":\"" + DIGEST + "\",\"breakGlass\":true,\"closedAt\":\"2026-01-02T03:04:05Z\","
                        + "\"gate\":\"deploy\",\"reason\":\"forced open by admin\",\"state\":\"BROKEN_GLASS\"}",
                written(details.toMap()));
        assertEquals(details, GateClosedDetails.from(recorded(details.toMap())));
    }

    @Test
    public void promotionRefusedDetailsRoundTrip() throws Exception {
        PromotionRefusedDetails details = new PromotionRefusedDetails("FAILED", List.of("disk full"));
        assertEquals("{\"reasons\":[\"disk full\"],\"status\":\"FAILED\"}", written(details.toMap()));
        PromotionRefusedDetails read = PromotionRefusedDetails.from(recorded(details.toMap()));
        assertEquals(details, read);
        assertTrue(read.failed());
        assertFalse(new PromotionRefusedDetails("REFUSED", List.of()).failed());
    }
}
