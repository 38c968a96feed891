package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a run's audit bundle: its events, the ledger links from its last event to the covering
 * checkpoint, that checkpoint and the public key, as one canonical JSON document.
 */
final class BundleBuilder {

    static final String FORMAT = "promotion-gates-audit-bundle/1";

    private BundleBuilder() {}

    static byte[] build(Ledger ledger, RunRef run, List<LedgerLine> lines) throws IOException {
        if (lines.isEmpty()) {
            throw new IOException(
                    "Run " + RunKey.of(run) + " has no audit events yet, so there is no bundle to download.");
        }
        LedgerLine last = lines.get(lines.size() - 1);
        Checkpoint checkpoint = covering(ledger, last.seq());
        List<LedgerLink> links = new ArrayList<>();
        LedgerReader.scan(ledger.root(), last.seq(), line -> {
            if (line.seq() < checkpoint.size()) {
                if (links.isEmpty() && !Arrays.equals(line.bytes(), last.bytes())) {
                    return false;
                }
                links.add(line.link());
            }
            return line.seq() + 1 < checkpoint.size();
        });
        if (links.isEmpty() || links.get(links.size() - 1).seq() + 1 != checkpoint.size()) {
            throw new IOException("The run file of " + RunKey.of(run) + " does not match ledger entry " + last.seq()
                    + ", or the ledger is shorter than its checkpoint. Run 'verify now' on the ledger status page.");
        }
        ObjectNode bundle = CanonicalJson.newObject();
        bundle.set("checkpoint", checkpoint.toJson());
        ArrayNode events = bundle.putArray("events");
        for (LedgerLine line : lines) {
            events.add(CanonicalJson.readObject(line.bytes(), 0, line.bytes().length, "run file")
                    .get("event"));
        }
        bundle.put("format", FORMAT);
        ArrayNode ledgerLinks = bundle.putArray("ledger");
        links.forEach(link -> ledgerLinks.add(link.toJson()));
        bundle.put("publicKey", PublicKeys.toPem(ledger.signer().publicKey()));
        bundle.set("run", events.get(0).get("run").deepCopy());
        return CanonicalJson.write(bundle);
    }

    private static Checkpoint covering(Ledger ledger, long seq) throws IOException {
        for (Checkpoint checkpoint : CheckpointLog.read(ledger.root()).checkpoints()) {
            if (checkpoint.size() > seq) {
                return checkpoint;
            }
        }
        return ledger.checkpointNow();
    }
}
