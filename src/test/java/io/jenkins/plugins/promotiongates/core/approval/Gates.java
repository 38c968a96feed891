package io.jenkins.plugins.promotiongates.core.approval;

import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.audit.AuditService;
import io.jenkins.plugins.promotiongates.core.audit.ControllerKeyCodec;
import io.jenkins.plugins.promotiongates.core.audit.LedgerOptions;
import io.jenkins.plugins.promotiongates.core.audit.RunChain;
import io.jenkins.plugins.promotiongates.core.audit.RunDirectories;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.BreakGlass;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The production environment the approval tests share, people to act in it, and a real ledger to
 * record a gate's events in.
 */
final class Gates {

    static final ArtifactDigest ARTIFACT = ArtifactDigest.parse(
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "test digest");

    /** Another digest than {@link #ARTIFACT}. */
    static final ArtifactDigest OTHER_ARTIFACT = ArtifactDigest.parse(
            "sha256:8f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "test digest");

    static final IdNormalizer IDS = IdNormalizer.caseInsensitive();

    private Gates() {}

    /** Rule "leads": 2 of group leads; rule "security": 1 of group security, comment required. */
    static Environment production() {
        return Environment.builder("production")
                .promotedFrom("staging")
                .rule(new ApprovalRule("leads", Set.of(), Set.of("leads"), 2, false))
                .rule(new ApprovalRule("security", Set.of(), Set.of("security"), 1, true))
                .approvalValidity(Duration.ofHours(24))
                .gateTimeout(Duration.ofDays(2))
                .breakGlass(new BreakGlass(true, Set.of("root")))
                .build();
    }

    static EffectivePolicy effective(Environment environment) {
        return effective(environment, Tightening.NONE);
    }

    static EffectivePolicy effective(Environment environment, Tightening tightening) {
        return new PolicyTightener(IDS, GroupDirectory.NONE).effective(environment, tightening);
    }

    static Approver lead(String id) {
        return Approver.of(IDS, id, List.of("leads"));
    }

    static Approver security(String id) {
        return Approver.of(IDS, id, List.of("security"));
    }

    /** Records {@code drafts} as the events of one run in a real ledger under {@code base}; returns them as recorded. */
    static List<AuditEvent> recorded(Path base, Clock clock, List<EventDraft> drafts) throws Exception {
        Path build = Files.createDirectories(base.resolve("jobs/app/builds/1"));
        RunRef run = new RunRef("app", 1, "job/app/1/", build);
        try (AuditService audit = AuditService.open(
                base.resolve("ledger"),
                ControllerKeyCodec.generate(new SecureRandom()),
                LedgerOptions.defaults(),
                clock,
                RunDirectories.NONE)) {
            for (EventDraft draft : drafts) {
                audit.record(run, draft);
            }
            RunChain chain = audit.runChain(run);
            assertTrue(chain.problem().orElse(""), chain.intact());
            return chain.events();
        }
    }

    static Approver person(String id, String... groups) {
        return Approver.of(IDS, id, List.of(groups));
    }
}
