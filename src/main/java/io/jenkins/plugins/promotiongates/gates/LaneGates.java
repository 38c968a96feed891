package io.jenkins.plugins.promotiongates.gates;

import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.view.WaitingGate;
import java.util.ArrayList;
import java.util.List;

/**
 * The gates waiting on this controller in jobs the current user may read, as the environment view
 * counts them: application, environment, page and opening time. Reads only the gates in memory; never
 * blocks.
 */
public final class LaneGates {

    private LaneGates() {}

    /** Every waiting gate whose job the current user may read. */
    public static List<WaitingGate> waiting() {
        List<WaitingGate> gates = new ArrayList<>();
        for (VisibleGates.Live live : VisibleGates.readable()) {
            Run<?, ?> run = live.run();
            GateSnapshot snapshot = live.gate().snapshot();
            if (snapshot.state().isClosed()) {
                continue;
            }
            gates.add(new WaitingGate(
                    live.waiting().application(),
                    snapshot.policy().name(),
                    GateLinks.url(run, snapshot.gateId()),
                    snapshot.openedAt()));
        }
        return gates;
    }
}
