package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.event.RunRef;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

/** Writes a real bundle for tests outside this package (the command-line tool's). */
public final class BundleFiles {

    private BundleFiles() {}

    /** A bundle of a run with three events, signed with {@link #key()}. */
    public static byte[] sample(Path base) throws Exception {
        try (AuditService service = AuditService.open(
                base.resolve("ledger"),
                key(),
                new LedgerOptions(1 << 20, 4, Duration.ofHours(1)),
                AuditFixture.clock(),
                AuditFixture.runs(base))) {
            RunRef run = AuditFixture.run(base, "team/app", 5);
            for (int i = 0; i < 3; i++) {
                service.record(run, AuditFixture.approval("alice", i));
            }
            return service.bundle(run);
        }
    }

    public static KeyPair key() {
        return AuditFixture.keyPair(1);
    }

    public static KeyPair otherKey() {
        return AuditFixture.keyPair(2);
    }
}
