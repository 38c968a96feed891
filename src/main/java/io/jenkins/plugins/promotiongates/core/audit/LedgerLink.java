package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    /** The link hash. Hex digests and an integer need no escaping, so the canonical text is built directly. */
    static String hash(long seq, String prev, String eventHash) {
        return hash(seq, prev, eventHash, DIGEST.get());
    }

    static String hash(long seq, String prev, String eventHash, MessageDigest digest) {
        String canonical = "{\"event\":\"" + eventHash + "\",\"prev\":\"" + prev + "\",\"seq\":" + seq + "}";
        return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.US_ASCII)));
    }

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(
            io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm.SHA256::newMessageDigest);

    ObjectNode toJson() {
        ObjectNode json = CanonicalJson.newObject();
        json.put("event", event);
        json.put("hash", hash);
        json.put("prev", prev);
        json.put("seq", seq);
        return json;
    }
}
