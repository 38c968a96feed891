package io.jenkins.plugins.promotiongates.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Api;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshotJson;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The run's "Approvals" page ({@code .../approvals/}): every gate of the run, waiting or closed,
 * with its evidence and the approve and reject forms. Stores each gate's latest snapshot (as its
 * JSON, in build.xml) and saves the run on every change; pages never wait for the running program.
 */
@ExportedBean
public final class ApprovalsAction implements RunAction2 {

    static final String URL_NAME = "approvals";

    /** Gate id to {@link GateSnapshotJson}, in the order the gates opened. */
    private final Map<String, String> gates = new LinkedHashMap<>();
    /** Gate id to the step's message. */
    private final Map<String, String> messages = new LinkedHashMap<>();
    /**
     * Gate id to {@link ApprovalSubject#toJson} of what its approvals are bound to, for gates bound to
     * something; {@code null} in a run stored before releases, until {@link #readResolve}.
     */
    private Map<String, String> subjects = new LinkedHashMap<>();
    /**
     * Gate id to the evidence its environment requires of the release, one line per kind, as it stood when
     * the gate opened; {@code null} in a run stored before evidence, until {@link #readResolve}.
     */
    private Map<String, List<String>> evidence = new LinkedHashMap<>();

    private transient Run<?, ?> run;

    /** The run's action, added on first use. */
    public static ApprovalsAction of(Run<?, ?> run) {
        synchronized (run) {
            ApprovalsAction action = run.getAction(ApprovalsAction.class);
            if (action == null) {
                action = new ApprovalsAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /** A run stored before gates recorded their subject has none. */
    private synchronized Object readResolve() {
        if (subjects == null) {
            subjects = new LinkedHashMap<>();
        }
        if (evidence == null) {
            evidence = new LinkedHashMap<>();
        }
        return this;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-people";
    }

    @Override
    public String getDisplayName() {
        return Messages.ApprovalsAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * Records a newly opened gate, bound to {@code subject} ({@code null}: to nothing), with the evidence
     * lines of its environment; a second gate with the same id in one run is refused.
     */
    public synchronized void add(
            GateSnapshot gate, String message, @CheckForNull ApprovalSubject subject, List<String> evidenceLines)
            throws IOException {
        if (gates.containsKey(gate.gateId())) {
            throw new AbortException(Messages.ApprovalsAction_DuplicateId(gate.gateId()));
        }
        messages.put(gate.gateId(), message == null ? "" : message);
        if (subject != null) {
            subjects.put(gate.gateId(), subject.toJson());
        }
        if (!evidenceLines.isEmpty()) {
            evidence.put(gate.gateId(), new ArrayList<>(evidenceLines));
        }
        update(gate);
    }

    /** Stores the gate's latest state and saves the run. */
    public synchronized void update(GateSnapshot gate) throws IOException {
        gates.put(gate.gateId(), GateSnapshotJson.write(gate));
        run.save();
    }

    /** Every gate of the run, oldest first. */
    @Exported(inline = true)
    public synchronized List<GatePage> getGates() {
        List<GatePage> pages = new ArrayList<>();
        for (String id : gates.keySet()) {
            pages.add(page(id));
        }
        return pages;
    }

    /** The stored state of a gate, for example for {@code promoteArtifact}'s evidence. */
    public synchronized @CheckForNull GateSnapshot snapshot(String gateId) {
        String json = gates.get(gateId);
        return json == null ? null : GateSnapshotJson.read(json);
    }

    /** What the approvals of a gate are bound to, or {@code null}. */
    synchronized @CheckForNull ApprovalSubject subject(String gateId) {
        String subject = subjects.get(gateId);
        return subject == null ? null : ApprovalSubject.fromJson(subject);
    }

    /** The evidence lines of a gate as it opened, or empty. */
    synchronized List<String> evidence(String gateId) {
        return List.copyOf(evidence.getOrDefault(gateId, List.of()));
    }

    /** The step's message of a gate, or empty. */
    synchronized String message(String gateId) {
        return messages.getOrDefault(gateId, "");
    }

    /** {@code .../approvals/<gate id>/}. */
    public synchronized @CheckForNull GatePage getDynamic(String gateId) {
        return gates.containsKey(gateId) ? page(gateId) : null;
    }

    public Api getApi() {
        return new Api(this);
    }

    private GatePage page(String gateId) {
        String subject = subjects.get(gateId);
        return new GatePage(
                run,
                GateSnapshotJson.read(gates.get(gateId)),
                messages.getOrDefault(gateId, ""),
                subject == null ? null : ApprovalSubject.fromJson(subject));
    }
}
