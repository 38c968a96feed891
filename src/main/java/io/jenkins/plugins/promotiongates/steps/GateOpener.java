package io.jenkins.plugins.promotiongates.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.GateId;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.StepTightening;
import io.jenkins.plugins.promotiongates.core.promotion.ChangeWindow;
import io.jenkins.plugins.promotiongates.core.promotion.EvidenceSources;
import io.jenkins.plugins.promotiongates.core.promotion.Inventory;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionService;
import io.jenkins.plugins.promotiongates.core.release.ApprovalBinding;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.core.release.FileSelection;
import io.jenkins.plugins.promotiongates.core.release.ReadRelease;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.release.ReleaseReader;
import io.jenkins.plugins.promotiongates.ledger.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.runs.JobApplication;
import io.jenkins.plugins.promotiongates.runs.RealmIdentity;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Opens the gate of one {@code requireApprovals} call, off the CPS thread: reads the effective policy from
 * the engine, what the approvals are bound to ({@link ApprovalBinding}: a release read and hashed here on
 * the controller from the run's archived artifacts or the workspace, one workspace file, or a release
 * digest given as is), and the run's parties from its causes and from the changes the environment has
 * not received (the engine's {@link ChangeWindow} over the inventory).
 */
final class GateOpener {

    private static final String STEP = "requireApprovals";

    /**
     * The opened gate, what its approvals are bound to ({@code null} when to nothing), and the evidence its
     * environment requires of the release as it stands now, one line per kind (empty when none is required
     * or the approvals are bound to no release the controller read).
     */
    record Opened(ApprovalGate gate, @CheckForNull ApprovalSubject subject, List<String> evidence) {}

    private GateOpener() {}

    /**
     * @param workspace the step's workspace, or {@code null} outside {@code node}
     * @throws AbortException with the engine's message when the arguments or the policy refuse the gate
     */
    static Opened open(GateRequest request, Run<?, ?> run, @CheckForNull FilePath workspace, Clock clock)
            throws IOException, InterruptedException {
        IdNormalizer ids = RealmIdentity.ids();
        try {
            String gateId = GateId.of(request.id, request.environment);
            EffectivePolicy policy = new PolicyTightener(ids, RealmIdentity.groups(ids))
                    .effective(
                            PromotionGatesConfiguration.get().policy().require(request.environment),
                            StepTightening.parse(request.count, request.approvers, request.timeout, request.validity));
            ApprovalBinding binding = ApprovalBinding.of(
                    request.artifact, request.files, request.archived, request.digest, request.version);
            Inventory inventory = EnvironmentInventory.get().current();
            String application = JobApplication.of(run, request.application);
            ReadRelease read = binding.kind() == ApprovalBinding.Kind.RELEASE
                    ? new ReleaseReader()
                            .read(
                                    application,
                                    binding.version(),
                                    binding.source(),
                                    ReleaseFiles.of(STEP, binding.source(), run, workspace))
                    : null;
            ApprovalSubject subject = read != null
                    ? ApprovalSubject.of(read.release())
                    : subject(binding, application, run, workspace, inventory);
            ChangeWindow window = ChangeWindow.of(
                    inventory,
                    subject == null || subject.application().isEmpty() ? application : subject.application(),
                    request.environment,
                    run.getParent().getFullName());
            ApprovalGate gate = ApprovalGate.open(
                    gateId,
                    policy,
                    subject == null ? null : subject.digest(),
                    RealmIdentity.parties(run, ids, window),
                    clock);
            return new Opened(gate, subject, read == null ? List.of() : evidence(request.environment, read, run, ids));
        } catch (IllegalArgumentException e) { // InvalidPolicyException too
            throw new AbortException(STEP + ": " + e.getMessage());
        }
    }

    /**
     * The evidence the environment requires of the release, decided on the bytes just read and the test
     * results the run recorded so far; external checks are not asked before {@code promoteArtifact}.
     */
    private static List<String> evidence(String environment, ReadRelease read, Run<?, ?> run, IdNormalizer ids) {
        PromotionService service = new PromotionService(
                PromotionGatesConfiguration.get().policy(),
                new PolicyTightener(ids, RealmIdentity.groups(ids)),
                Clock.systemUTC());
        return service.evidence(
                        environment,
                        read.release(),
                        new RunRef(run.getParent().getFullName(), run.getNumber(), run.getUrl()),
                        new EvidenceSources(read, RunTestResults.of(run), null))
                .lines();
    }

    /**
     * What the approvals are bound to: for files, hashed here on the controller from the bytes it reads;
     * {@code null} when to nothing.
     */
    private static ApprovalSubject subject(
            ApprovalBinding binding,
            String application,
            Run<?, ?> run,
            @CheckForNull FilePath workspace,
            Inventory inventory)
            throws IOException {
        return switch (binding.kind()) {
            case NONE -> null;
            case DIGEST -> ApprovalSubject.ofDigest(binding.digest(), inventory.release(binding.digest()));
            case RELEASE -> throw new IllegalStateException("a release is read by open()");
            case FILE -> {
                String path = binding.source().patterns().get(0);
                String name = FileSelection.single("artifact", path).name();
                Digests digests = new StreamingDigester()
                        .digest(
                                ReleaseFiles.of(STEP, binding.source(), run, workspace)
                                        .file(path),
                                EnumSet.of(DigestAlgorithm.SHA256));
                yield ApprovalSubject.ofFile(application, new ReleaseFile(name, digests.sha256(), digests.size()));
            }
        };
    }
}
