package io.jenkins.plugins.promotiongates.gates;

import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The gates waiting on this controller in jobs the current user may read, soonest deadline first. Never blocks. */
final class VisibleGates {

    private VisibleGates() {}

    static List<GatePage> all() {
        List<GatePage> pages = new ArrayList<>();
        for (Live live : readable()) {
            pages.add(new GatePage(
                    live.run(),
                    live.gate().snapshot(),
                    live.waiting().message(),
                    live.waiting().subject()));
        }
        pages.sort(Comparator.comparing(page -> page.snapshot().deadline()));
        return pages;
    }

    /** A live gate that has opened, with its run. */
    record Live(LiveGate waiting, Run<?, ?> run, ApprovalGate gate) {}

    /** The live gates, opened and with their run, in jobs the current user may read. */
    static List<Live> readable() {
        List<Live> readable = new ArrayList<>();
        for (LiveGate waiting : LiveGates.all()) {
            Run<?, ?> run = waiting.run();
            ApprovalGate gate = waiting.gate();
            if (run != null && gate != null && run.getParent().hasPermission(Item.READ)) {
                readable.add(new Live(waiting, run, gate));
            }
        }
        return readable;
    }

    /** Those the engine says wait for the current user: they may approve or reject now. */
    static List<GatePage> awaitingYou() {
        return all().stream().filter(page -> page.ability().awaitsYou()).toList();
    }
}
