package io.jenkins.plugins.promotiongates.core.view;

import io.jenkins.plugins.promotiongates.core.promotion.ApplicationHoldings;
import java.util.List;
import java.util.Optional;

/**
 * One environment on an application's lane: the release it holds, the gates waiting to promote into it,
 * whether promotions may enter it now, and how long its release must still soak before it may move on.
 *
 * @param environment the environment's name
 * @param column its column in the promotion order, or -1 outside the chain
 * @param defined whether the policy still defines it (an environment removed from the policy keeps its
 *     releases in the inventory)
 * @param promotedFrom the environments it is promoted from, as the policy says
 * @param holding what it holds of the application, if the viewer may read it
 * @param waiting the gates waiting to promote the application into it, oldest first
 * @param calendar whether promotions may enter it now; {@code null} for an environment the policy no
 *     longer defines
 * @param soaks per next environment with a soak time, how long the release held here must still soak
 */
public record LaneStop(
        String environment,
        int column,
        boolean defined,
        List<String> promotedFrom,
        Optional<ApplicationHoldings.Holding> holding,
        List<WaitingGate> waiting,
        CalendarState calendar,
        List<SoakCountdown> soaks) {

    public LaneStop {
        promotedFrom = List.copyOf(promotedFrom);
        waiting = List.copyOf(waiting);
        soaks = List.copyOf(soaks);
    }
}
