package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One link of the ledger chain: entry {@code seq} binds the hash of its event to the link before
 * it. {@code hash = sha256({"event":"<event hash>","prev":"<prev link hash>","seq":<seq>})} in
 * canonical form, which is the link object itself without its {@code hash} member.
 */
public record LedgerLink(long seq, String prev, String event, String hash) {

    /** The {@code prev} of ledger entry 0. */
    public static final String GENESIS = Sha256.hex("{\"genesis\":\"promotion-gates-ledger\"}");

    static LedgerLink of(long seq, String prev, String eventHash) {
        return new LedgerLink(seq, prev, eventHash, hash(seq, prev, eventHash));
    }

    /** The link hash of entry {@code seq}; {@code prev} and {@code eventHash} are 64 lower-case hex digits. */
    static String hash(long seq, String prev, String eventHash) {
        if (!Sha256.isHex(prev) || !Sha256.isHex(eventHash)) {
            throw new IllegalArgumentException("link hashes bind 64 lower-case hexadecimal digits");
        }
        byte[] sum = HASHER.get()
                .hash(
                        seq,
                        prev.getBytes(StandardCharsets.US_ASCII),
                        0,
                        eventHash.getBytes(StandardCharsets.US_ASCII),
                        0);
        return HexFormat.of().formatHex(sum);
    }

    private static final ThreadLocal<LinkHasher> HASHER =
            ThreadLocal.withInitial(() -> new LinkHasher(DigestAlgorithm.SHA256.newMessageDigest()));

    ObjectNode toJson() {
        ObjectNode json = CanonicalJson.newObject();
        json.put("event", event);
        json.put("hash", hash);
        json.put("prev", prev);
        json.put("seq", seq);
        return json;
    }
}
