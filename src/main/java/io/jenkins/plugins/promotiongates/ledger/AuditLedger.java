package io.jenkins.plugins.promotiongates.ledger;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * The controller-wide audit ledger under {@code JENKINS_HOME/promotion-gates/ledger}, opened on
 * first use with the controller's checkpoint key.
 */
@Extension
public final class AuditLedger {

    private AuditService service;
    private KeyPair controllerKey;

    public static @NonNull AuditLedger get() {
        return ExtensionList.lookupSingleton(AuditLedger.class);
    }

    /** The open ledger; opening it reports and moves aside a torn tail left by a crash. */
    public synchronized AuditService service() throws IOException {
        if (service == null) {
            service = AuditService.open(
                    home().resolve("ledger"),
                    controllerKey(),
                    LedgerOptions.defaults(),
                    Clock.systemUTC(),
                    AuditLedger::buildDirectoryOf);
        }
        return service;
    }

    /**
     * The controller's Ed25519 key pair, which signs the ledger's checkpoints and the promotions'
     * attestations; created on first use and kept in {@code JENKINS_HOME/promotion-gates}, readable by the
     * controller's user only. Never sent to an agent.
     */
    public synchronized KeyPair controllerKey() throws IOException {
        if (controllerKey == null) {
            controllerKey = CheckpointKeyStore.loadOrCreate(home());
        }
        return controllerKey;
    }

    /** {@code JENKINS_HOME/promotion-gates}, where the ledger, the key and the sinks' queues live. */
    static Path home() {
        return Jenkins.get().getRootDir().toPath().resolve("promotion-gates");
    }

    /** Whether the ledger has been opened since the controller started. */
    synchronized boolean isOpen() {
        return service != null;
    }

    private static Optional<Path> buildDirectoryOf(String job, long build) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Job<?, ?> item = Jenkins.get().getItemByFullName(job, Job.class);
            Run<?, ?> run = item == null ? null : item.getBuildByNumber((int) build);
            return run == null ? Optional.empty() : Optional.of(run.getRootDir().toPath());
        }
    }
}
