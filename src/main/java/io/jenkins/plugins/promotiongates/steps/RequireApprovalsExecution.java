package io.jenkins.plugins.promotiongates.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.DecisionRefusedException;
import io.jenkins.plugins.promotiongates.core.approval.DecisionRequest;
import io.jenkins.plugins.promotiongates.core.approval.DecisionResult;
import io.jenkins.plugins.promotiongates.core.approval.GateId;
import io.jenkins.plugins.promotiongates.core.approval.GateOutcome;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshotJson;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.gates.ApprovalsAction;
import io.jenkins.plugins.promotiongates.gates.GateLinks;
import io.jenkins.plugins.promotiongates.gates.GateRecorder;
import io.jenkins.plugins.promotiongates.gates.LiveGate;
import io.jenkins.plugins.promotiongates.gates.LiveGates;
import io.jenkins.plugins.promotiongates.listeners.GateNotifications;
import io.jenkins.plugins.promotiongates.runs.JobApplication;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.CauseOfInterruption;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A waiting {@code requireApprovals} gate. {@link #start} returns at once; the gate opens on a
 * timer thread. Its state is stored as the gate's JSON snapshot, saved after every change, and
 * restored in {@link #onResume} with the timeout re-armed. Every decision is the engine's.
 */
final class RequireApprovalsExecution extends StepExecution implements LiveGate {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(RequireApprovalsExecution.class.getName());

    private final GateRequest request;
    /** {@link GateSnapshotJson} of the gate; {@code null} until it opens. */
    private String gateJson;
    /** {@link ApprovalSubject#toJson} of what the approvals are bound to; {@code null} when to nothing. */
    private String subjectJson;
    /** Whether the step has completed (or is completing), so that it completes once. */
    private boolean completed;
    /** Whether the reminder before the deadline was sent, so that it is sent once, restarts included. */
    private boolean reminded;

    private transient volatile ApprovalGate gate;
    private transient volatile Run<?, ?> run;

    RequireApprovalsExecution(StepContext context, GateRequest request) {
        super(context);
        this.request = request;
    }

    @Override
    public boolean start() {
        Timer.get().submit(this::open);
        return false;
    }

    @Override
    public void onResume() {
        Timer.get().submit(gateJson == null ? this::open : this::resume);
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        Timer.get().submit(() -> {
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                cancel(cause);
            }
        });
    }

    @Override
    public @CheckForNull String getStatus() {
        ApprovalGate current = gate;
        return current == null
                ? "opening the approval gate"
                : "approvals: " + current.progress().summary();
    }

    @Override
    public @CheckForNull ApprovalGate gate() {
        return gate;
    }

    @Override
    public @CheckForNull Run<?, ?> run() {
        return run;
    }

    @Override
    public String message() {
        return request.message;
    }

    @Override
    public String application() {
        ApprovalSubject subject = subject();
        if (subject != null && !subject.application().isEmpty()) {
            return subject.application();
        }
        Run<?, ?> owner = run;
        if (owner == null) {
            return "";
        }
        try {
            return JobApplication.of(owner, request.application);
        } catch (IllegalArgumentException e) {
            return owner.getParent().getFullName();
        }
    }

    @Override
    public @CheckForNull ApprovalSubject subject() {
        return subjectJson == null ? null : ApprovalSubject.fromJson(subjectJson);
    }

    @Override
    public @CheckForNull String gateId() {
        try {
            return GateId.of(request.id, request.environment);
        } catch (InvalidPolicyException e) {
            return null;
        }
    }

    @Override
    public synchronized DecisionResult decide(DecisionRequest request) throws IOException, InterruptedException {
        restore();
        ApprovalGate current = gate;
        if (current == null || completed) {
            throw new IllegalStateException(Messages.RequireApprovalsExecution_NotWaiting());
        }
        DecisionResult result;
        try {
            result = current.decide(request);
        } catch (DecisionRefusedException e) {
            if (current.state().isClosed()) {
                changed(null); // a decision after the deadline closed the gate as timed out
            }
            throw e;
        }
        if (result.recorded()) {
            changed(result);
        }
        return result;
    }

    private synchronized void open() {
        if (completed) {
            return;
        }
        try {
            Run<?, ?> owner = getContext().get(Run.class);
            GateOpener.Opened opened =
                    GateOpener.open(request, owner, getContext().get(FilePath.class), Clock.systemUTC());
            GateSnapshot snapshot = opened.gate().snapshot();
            ApprovalSubject subject = opened.subject();
            ApprovalsAction.of(owner).add(snapshot, request.message, subject, opened.evidence());
            run = owner;
            gate = opened.gate();
            gateJson = GateSnapshotJson.write(snapshot);
            subjectJson = subject == null ? null : subject.toJson();
            getContext().saveState();
            LiveGates.add(this);
            GatePause.begin(getContext());
            TaskListener listener = getContext().get(TaskListener.class);
            GateRecorder.opened(owner, snapshot, request.message, subject);
            if (subject != null) {
                listener.getLogger().println("[Promotion Gates] approvals are bound to " + subject.describe());
            }
            if (!opened.evidence().isEmpty()) {
                listener.getLogger()
                        .println("[Promotion Gates] evidence " + request.environment
                                + " requires, as it stands now (promoteArtifact decides again):");
                opened.evidence().forEach(line -> listener.getLogger().println(line));
            }
            listener.getLogger()
                    .println(GateOutcome.waitingLine(
                            snapshot, request.message, gate.progress().summary()));
            listener.getLogger().println(GateLinks.consoleLinks(owner, snapshot.gateId()));
            armTimeout();
            armReminder();
        } catch (Exception e) {
            fail(e);
        }
    }

    /** After a restart: the gate from its stored snapshot, and the run; a decision may come before {@link #resume}. */
    private void restore() throws IOException, InterruptedException {
        if (gate == null && gateJson != null) {
            gate = ApprovalGate.restore(GateSnapshotJson.read(gateJson), Clock.systemUTC());
        }
        if (run == null) {
            run = getContext().get(Run.class);
        }
    }

    private synchronized void resume() {
        try {
            restore();
            if (completed) {
                return;
            }
            LiveGates.add(this);
            if (gate.expireIfDue() || gate.state().isClosed()) {
                changed(null);
            } else {
                armTimeout();
                armReminder();
            }
        } catch (Exception e) {
            fail(e);
        }
    }

    private void armTimeout() {
        long millis = Duration.between(
                        Clock.systemUTC().instant(), gate.snapshot().deadline())
                .toMillis();
        Timer.get().schedule(this::expire, Math.max(0, millis) + 1, TimeUnit.MILLISECONDS);
    }

    /** Schedules the reminder before the deadline, if the environment asks for one and it was not sent yet. */
    private void armReminder() {
        if (reminded) {
            return;
        }
        GateNotifications.reminderAt(gate.snapshot())
                .ifPresent(at -> Timer.get()
                        .schedule(
                                this::remind,
                                Math.max(
                                        0,
                                        Duration.between(Clock.systemUTC().instant(), at)
                                                .toMillis()),
                                TimeUnit.MILLISECONDS));
    }

    private synchronized void remind() {
        if (completed || reminded || gate == null || gate.state().isClosed()) {
            return;
        }
        reminded = true;
        try {
            getContext().saveState();
            GateRecorder.reminder(run, gate.snapshot());
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Could not send the reminder of the gate of " + run, e);
        }
    }

    private synchronized void expire() {
        if (completed || gate == null) {
            return;
        }
        try {
            if (gate.expireIfDue()) {
                changed(null);
            } else if (!gate.state().isClosed()) {
                armTimeout();
            }
        } catch (Exception e) {
            fail(e);
        }
    }

    private synchronized void cancel(Throwable cause) {
        if (completed) {
            return;
        }
        try {
            if (gate != null && gate.cancel(GateLinks.stoppedBy(cause), "the run was stopped")) {
                record(gate.snapshot());
                GateRecorder.closed(run, getContext().get(TaskListener.class), gate.snapshot());
            }
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Could not record the cancelled gate of " + run, e);
        }
        complete();
        getContext().onFailure(cause);
    }

    /** Stores the new state, reports it, and completes the step once the gate has closed. */
    private void changed(@CheckForNull DecisionResult result) throws IOException, InterruptedException {
        GateSnapshot snapshot = gate.snapshot();
        try {
            record(snapshot);
            TaskListener listener = getContext().get(TaskListener.class);
            if (result != null) {
                GateRecorder.decided(run, listener, snapshot, result.decision());
            }
            if (snapshot.state().isClosed()) {
                GateRecorder.closed(run, listener, snapshot);
            }
        } catch (IOException | RuntimeException e) {
            fail(e); // nothing may take effect unrecorded
            throw e;
        }
        if (snapshot.state().isClosed()) {
            complete();
            if (snapshot.state().letsThrough()) {
                getContext().onSuccess(GateOutcome.asMap(snapshot));
            } else {
                CauseOfInterruption why = new GateClosedInterruption(GateOutcome.closeMessage(snapshot));
                getContext().onFailure(new FlowInterruptedException(Result.ABORTED, true, why));
            }
        }
    }

    private void record(GateSnapshot snapshot) throws IOException {
        gateJson = GateSnapshotJson.write(snapshot);
        ApprovalsAction.of(run).update(snapshot);
        getContext().saveState();
    }

    private void complete() {
        completed = true;
        LiveGates.remove(this);
        GatePause.end(getContext());
    }

    private void fail(Exception e) {
        if (completed) {
            return;
        }
        complete();
        getContext().onFailure(e);
    }
}
