package io.jenkins.plugins.promotiongates.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.RepositoryCredentials;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.artifact.FileTree;
import io.jenkins.plugins.promotiongates.core.audit.LedgerEvents;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.promotion.EnvironmentSnapshot;
import io.jenkins.plugins.promotiongates.core.promotion.Evaluation;
import io.jenkins.plugins.promotiongates.core.promotion.EvidenceSources;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionAttestor;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionEvents;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionOutcome;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRequest;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionService;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionStepResult;
import io.jenkins.plugins.promotiongates.core.promotion.RecordedApprovals;
import io.jenkins.plugins.promotiongates.core.promotion.RecordedSignatures;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactRepository;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryException;
import io.jenkins.plugins.promotiongates.core.release.ReadRelease;
import io.jenkins.plugins.promotiongates.core.release.ReleaseReader;
import io.jenkins.plugins.promotiongates.core.release.ReleaseSource;
import io.jenkins.plugins.promotiongates.core.time.DisplayTime;
import io.jenkins.plugins.promotiongates.gates.ApprovalsAction;
import io.jenkins.plugins.promotiongates.gates.GatePage;
import io.jenkins.plugins.promotiongates.ledger.AuditLedger;
import io.jenkins.plugins.promotiongates.ledger.EnvironmentInventory;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import io.jenkins.plugins.promotiongates.runs.JobApplication;
import io.jenkins.plugins.promotiongates.runs.JobBranch;
import io.jenkins.plugins.promotiongates.runs.RealmIdentity;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One {@code promoteArtifact} call: gathers what the engine needs from the run (the release, read and
 * hashed on the controller from the workspace or the run's archived artifacts; this run's verified
 * signatures from its audit chain, its approval gates, the branch, the allowlisted environment), lets
 * {@link PromotionService} decide and publish, then records the events, updates the inventory and badges
 * the run.
 */
final class PromotionRun {

    private static final String STEP = "promoteArtifact";

    private final PromoteArtifactStep step;

    PromotionRun(PromoteArtifactStep step) {
        this.step = step;
    }

    Map<String, Object> run(StepContext context) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        PrintStream log = context.get(TaskListener.class).getLogger();
        EnvVars env = context.get(EnvVars.class);
        PromotionGatesConfiguration config = PromotionGatesConfiguration.get();
        PromotionPolicy policy;
        PromotionRequest request;
        ReadRelease release;
        try {
            ReleaseSource source =
                    ReleaseSource.required(STEP, step.getArtifact(), step.getFiles(), step.getArchived());
            FileTree tree = ReleaseFiles.of(STEP, source, run, context.get(FilePath.class));
            release = new ReleaseReader()
                    .read(JobApplication.of(run, step.getApplication()), step.getVersion(), source, tree);
            release.lines().forEach(line -> log.println(STEP + ": " + line));
        } catch (IllegalArgumentException e) {
            throw new AbortException(STEP + ": " + e.getMessage());
        }
        LedgerEvents ledger = RunAudit.ledgerEvents(run);
        ledger.report().forEach(log::println);
        RecordedSignatures.Reading signatures = RecordedSignatures.read(ledger);
        signatures.ignored().forEach(log::println);
        RecordedApprovals.Reading approvals = RecordedApprovals.read(gates(run), ledger);
        approvals.ignored().forEach(log::println);
        try {
            policy = config.policy();
            request = new PromotionRequest(
                    release.release(),
                    step.getFrom(),
                    step.getTo(),
                    new RunRef(run.getParent().getFullName(), run.getNumber(), run.getUrl()),
                    JobBranch.of(run),
                    signatures.signatures(),
                    approvals.gates(),
                    snapshot(env, context.get(EnvironmentExpander.class), config.snapshotAllowlist()));
        } catch (IllegalArgumentException e) { // InvalidPolicyException too
            throw new AbortException(STEP + ": " + e.getMessage());
        }
        IdNormalizer ids = RealmIdentity.ids();
        PromotionService service = new PromotionService(
                policy,
                new PolicyTightener(ids, RealmIdentity.groups(ids)),
                Clock.systemUTC(),
                PromotionAttestor.forController(
                        AuditLedger.get().controllerKey(), Jenkins.get().getRootUrl()));
        EvidenceSources sources = new EvidenceSources(release, RunTestResults.of(run), new ControllerExternalChecks());
        if (step.isDryRun()) {
            Evaluation evaluation =
                    service.evaluate(request, EnvironmentInventory.get().current(), sources);
            log.println("promoteArtifact (dry run, nothing written, no repository opened): " + evaluation.report());
            return PromotionStepResult.dryRun(evaluation);
        }
        PromotionOutcome outcome = promote(service, request, sources, policy.environment(step.getTo()), log);
        String starter = RealmIdentity.parties(run, ids).starter();
        String actor = starter == null || starter.isEmpty() ? EventDraft.SYSTEM : starter;
        for (EventDraft draft : PromotionEvents.drafts(outcome, actor)) {
            RunAudit.record(run, draft);
        }
        log.println(outcome.evaluation().report());
        if (!outcome.succeeded()) {
            throw new AbortException(PromotionStepResult.failure(outcome));
        }
        EnvironmentInventory.get().add(outcome.record().orElseThrow());
        synchronized (run) {
            run.addAction(new PromotionBadge(
                    step.getTo(), step.getVersion(), outcome.status() == PromotionOutcome.Status.NOOP));
            run.save();
        }
        log.println(STEP + ": " + outcome.status() + " " + release.release() + " in " + step.getTo() + " at "
                + outcome.record().orElseThrow().location());
        return PromotionStepResult.of(outcome);
    }

    /**
     * Promotes; while the only gates that fail are pending external checks, waits (on this step's thread,
     * which an abort interrupts) until the engine says to ask again, and promotes again with the same
     * sources, so each check is asked as its poll schedule says.
     */
    private PromotionOutcome promote(
            PromotionService service,
            PromotionRequest request,
            EvidenceSources sources,
            Optional<Environment> target,
            PrintStream log)
            throws IOException, InterruptedException {
        while (true) {
            PromotionOutcome outcome = service.promote(
                    request, sources, EnvironmentInventory.get().current(), () -> open(target.orElseThrow()));
            Optional<Instant> again = outcome.evaluation().waitingUntil();
            if (again.isEmpty()) {
                return outcome;
            }
            log.println(STEP + ": waiting, asking again at " + DisplayTime.of(again.get()) + ":");
            outcome.evaluation().failures().forEach(failure -> log.println(failure.line()));
            Thread.sleep(
                    Math.max(0, Duration.between(Instant.now(), again.get()).toMillis()));
        }
    }

    /**
     * The target's repository, opened here on the controller with the administrator's credentials, which
     * never leave it; the engine calls this only once every other gate holds.
     */
    private ArtifactRepository open(Environment target) throws RepositoryException {
        try {
            return RepositoryCredentials.resolve(step.getTo(), target.repository())
                    .open();
        } catch (AbortException e) {
            throw new RepositoryException(e.getMessage(), true);
        }
    }

    /** Every approval gate of the run, oldest first, as stored. */
    private static List<GateSnapshot> gates(Run<?, ?> run) {
        ApprovalsAction approvals = run.getAction(ApprovalsAction.class);
        List<GateSnapshot> gates = new ArrayList<>();
        if (approvals != null) {
            for (GatePage page : approvals.getGates()) {
                gates.add(approvals.snapshot(page.getId()));
            }
        }
        return gates.stream().filter(Objects::nonNull).toList();
    }

    /**
     * The allowlisted variables; those that {@code withCredentials} bound (the sensitive variables of the
     * context) keep only their names, and any value containing one of their values is masked.
     */
    private static EnvironmentSnapshot snapshot(EnvVars env, EnvironmentExpander expander, List<String> allowlist) {
        Set<String> secretNames = expander == null ? Set.of() : expander.getSensitiveVariables();
        List<String> secretValues =
                secretNames.stream().map(env::get).filter(Objects::nonNull).toList();
        return EnvironmentSnapshot.capture(env, Map.of(), allowlist, secretNames, secretValues);
    }
}
