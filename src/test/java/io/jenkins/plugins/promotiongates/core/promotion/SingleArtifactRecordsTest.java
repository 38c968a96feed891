package io.jenkins.plugins.promotiongates.core.promotion;

import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.MONDAY_10;
import static io.jenkins.plugins.promotiongates.core.promotion.PromotionFixtures.RUN;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Promotion records written before releases existed (format 1: one artifact, one signature) stay in
 * the ledger as they are: the ledger still verifies, and the inventory still reads them, each as a
 * one-file release of the application named after its file. A format 2 record whose release digest
 * does not match its files is not believed.
 */
public class SingleArtifactRecordsTest {

    private static final String SHA = "5d41402abc4b2a76b9719d911017c592".repeat(2);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private AuditedRuns audit;

    @Before
    public void open() throws Exception {
        audit = new AuditedRuns(tmp.getRoot().toPath(), new ManualClock(MONDAY_10));
    }

    @After
    public void close() throws Exception {
        audit.close();
    }

    /** A {@code promotion.completed} event's details exactly as version 1 of the record format wrote them. */
    private static Map<String, Object> formatOne(String environment, String time) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", 1);
        tree.put("environment", environment);
        tree.put("from", "staging");
        tree.put("artifact", "app.tar.gz");
        tree.put("version", "1.3.0");
        tree.put("sha256", SHA);
        tree.put("size", 11);
        tree.put("run", "shop/main#7");
        tree.put("runUrl", "job/shop/job/main/7/");
        tree.put("time", time);
        tree.put("location", "/srv/releases/app.tar.gz/1.3.0/app.tar.gz");
        tree.put("stored", true);
        tree.put("rollback", false);
        tree.put("rollbackFastPath", false);
        tree.put("approvals", List.of());
        tree.put(
                "signature",
                Map.of(
                        "trustedKey", "release-key",
                        "format", "openpgp",
                        "algorithm", "Ed25519",
                        "keyFingerprint", "ABCD",
                        "signer", "Release Team"));
        tree.put("policyDigest", "d".repeat(64));
        tree.put("snapshot", Map.of("variables", Map.of(), "tools", Map.of()));
        tree.put("drift", Map.of("baseline", true, "added", Map.of(), "removed", Map.of(), "changed", Map.of()));
        return tree;
    }

    @Test
    public void aFormatOneRecordStillVerifiesAndFeedsTheInventoryAsAnApplicationNamedAfterItsFile() throws Exception {
        audit.record(
                RUN,
                EventDraft.of(EventTypes.PROMOTION_COMPLETED, "SYSTEM")
                        .withEnvironment("production")
                        .withDetails(formatOne("production", "2025-06-01T10:00:00Z")));

        assertTrue(audit.service().verifyLedger().verified());
        PromotionEvents.Loaded loaded = PromotionEvents.inventory(audit.service());
        assertEquals(List.of(), loaded.ignored());
        PromotionRecord record =
                loaded.inventory().current("app.tar.gz", "production").orElseThrow();
        ArtifactDigest file = ArtifactDigest.parse("sha256:" + SHA, "test");
        assertEquals(Release.of("app.tar.gz", "1.3.0", new ReleaseFile("app.tar.gz", file, 11)), record.release());
        assertEquals("release-key", record.signatures().get(0).trustedKey());
        assertTrue(record.release().approvedBy(file));
        assertEquals(List.of("app.tar.gz"), loaded.inventory().applications());
    }

    @Test
    public void aFormatTwoRecordWhoseReleaseDigestDoesNotMatchItsFilesIsNotBelieved() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>(PromotionRecordJson.toTree(PromotionFixtures.record(
                "production", "app.tar.gz", "1.4.0", PromotionFixtures.digest(tmpFile()), MONDAY_10)));
        tree.put("releaseDigest", "sha256:" + "0".repeat(64));

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PromotionRecordJson.fromTree(new ObjectMapper().valueToTree(tree)));
        assertThat(e.getMessage(), containsString("promotion record.releaseDigest is sha256:000"));
        assertThat(e.getMessage(), containsString("hash to sha256:"));
    }

    private java.nio.file.Path tmpFile() throws Exception {
        java.nio.file.Path file = tmp.newFile("app.tar.gz").toPath();
        java.nio.file.Files.writeString(file, "release 1.4");
        return file;
    }
}
