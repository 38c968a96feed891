package io.jenkins.plugins.promotiongates.core.event;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import java.util.Map;
import org.junit.Test;

/** What the glue hands the recorder: a well-formed type, an actor, and optional parts kept as given. */
public class EventDraftTest {

    private static final ArtifactRef ARTIFACT =
            new ArtifactRef("app.tar.gz", 3, ArtifactDigest.of(DigestAlgorithm.SHA256, new byte[32]));

    @Test
    public void eachWithMethodSetsItsPartAndKeepsTheOthers() {
        EventDraft draft = EventDraft.of("approval.granted", "alice")
                .withEnvironment("production")
                .withArtifact(ARTIFACT)
                .withDetails(Map.of("gate", "g-1"))
                .withPolicyDigest("sha256:00");
        assertEquals(
                new EventDraft("approval.granted", "alice", "production", ARTIFACT, Map.of("gate", "g-1"), "sha256:00"),
                draft);
        assertEquals("{\"gate\":\"g-1\"}", draft.detailsJson().toString());
        EventDraft bare = EventDraft.of("gate.passed", EventDraft.SYSTEM);
        assertNull(bare.environment());
        assertNull(bare.artifact());
        assertNull(bare.policyDigest());
        assertEquals(Map.of(), bare.details());
        assertEquals(Map.of(), new EventDraft("gate.passed", "bob", null, null, null, null).details());
        assertEquals("{}", bare.detailsJson().toString());
    }

    @Test
    public void refusesAMalformedTypeOrAMissingActorNamingWhatToWrite() {
        for (String type : new String[] {null, "", "approval", "Approval.granted", "approval.", ".granted", "1a.b"}) {
            assertThat(
                    String.valueOf(type),
                    assertThrows(IllegalArgumentException.class, () -> EventDraft.of(type, "alice"))
                            .getMessage(),
                    containsString("use lower-case dotted words such as 'approval.granted'"));
        }
        for (String actor : new String[] {null, ""}) {
            assertThat(
                    assertThrows(IllegalArgumentException.class, () -> EventDraft.of("gate.passed", actor))
                            .getMessage(),
                    containsString("needs an actor"));
        }
    }

    @Test
    public void eventTypesAreAtMostOneHundredCharacters() {
        String hundred = "a." + "b".repeat(98);
        assertTrue(EventTypes.isWellFormed(hundred));
        assertFalse(EventTypes.isWellFormed(hundred + "c"));
        assertFalse(EventTypes.isWellFormed(null));
        assertTrue(EventTypes.isWellFormed("a-1.b-2.c3"));
        assertFalse(EventTypes.isWellFormed("a.b c"));
    }

    @Test
    public void anArtifactNeedsAPathAPossibleSizeAndItsSha256() {
        ArtifactDigest sha256 = ArtifactDigest.of(DigestAlgorithm.SHA256, new byte[32]);
        assertEquals(0, new ArtifactRef("a", 0, sha256).size());
        assertEquals(9_007_199_254_740_991L, new ArtifactRef("a", 9_007_199_254_740_991L, sha256).size());
        String[][] refused = {
            {null, "0", "needs a path"},
            {"", "0", "needs a path"},
            {"a", "-1", "impossible size -1"},
            {"a", "9007199254740992", "impossible size"}
        };
        for (String[] c : refused) {
            assertThat(
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> new ArtifactRef(c[0], Long.parseLong(c[1]), sha256))
                            .getMessage(),
                    containsString(c[2]));
        }
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> new ArtifactRef("a", 1, null))
                        .getMessage(),
                containsString("needs its SHA-256 digest"));
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new ArtifactRef("a", 1, ArtifactDigest.of(DigestAlgorithm.SHA512, new byte[64])))
                        .getMessage(),
                containsString("needs its SHA-256 digest"));
    }
}
