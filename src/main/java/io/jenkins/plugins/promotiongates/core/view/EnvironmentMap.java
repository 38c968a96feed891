package io.jenkins.plugins.promotiongates.core.view;

import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.promotion.ApplicationHoldings;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The environment view of every application one viewer may see: for each, a {@link PromotionLane} built
 * from the policy's promotion order, what the viewer may read of the inventory ({@link ApplicationHoldings},
 * already filtered for them), the gates waiting that they may see, and the time now. An application
 * appears when the viewer may read a release of it or a gate waiting for it, so an application whose
 * first promotion waits at a gate has a lane with nothing in it yet.
 *
 * @param order the policy's promotion order
 * @param lanes one per application, by name
 */
public record EnvironmentMap(PromotionOrder order, List<PromotionLane> lanes) {

    public EnvironmentMap {
        lanes = List.copyOf(lanes);
    }

    /**
     * @param holdings what the viewer may read of the inventory
     * @param gates the waiting gates the viewer may see
     */
    public static EnvironmentMap of(
            PromotionPolicy policy, List<ApplicationHoldings> holdings, List<WaitingGate> gates, Instant now) {
        PromotionOrder order = PromotionOrder.of(policy);
        Map<String, ApplicationHoldings> byApplication =
                holdings.stream().collect(Collectors.toMap(ApplicationHoldings::application, Function.identity()));
        TreeSet<String> applications = new TreeSet<>(byApplication.keySet());
        gates.forEach(gate -> applications.add(gate.application()));
        List<PromotionLane> lanes = new ArrayList<>();
        for (String application : applications) {
            lanes.add(lane(policy, order, application, byApplication.get(application), gates, now));
        }
        return new EnvironmentMap(order, lanes);
    }

    /** The lane of {@code application}, if the viewer may see it. */
    public Optional<PromotionLane> lane(String application) {
        return lanes.stream()
                .filter(lane -> lane.application().equals(application))
                .findFirst();
    }

    private static PromotionLane lane(
            PromotionPolicy policy,
            PromotionOrder order,
            String application,
            ApplicationHoldings holdings,
            List<WaitingGate> gates,
            Instant now) {
        Map<String, ApplicationHoldings.Holding> held = new TreeMap<>();
        if (holdings != null) {
            holdings.environments().forEach(holding -> held.put(holding.environment(), holding));
        }
        List<List<LaneStop>> columns = new ArrayList<>();
        for (List<String> column : order.columns()) {
            columns.add(column.stream()
                    .map(name -> stop(policy, order, name, application, held, gates, now))
                    .toList());
        }
        List<LaneStop> outside = new ArrayList<>();
        for (String name : order.outside()) {
            outside.add(stop(policy, order, name, application, held, gates, now));
        }
        TreeSet<String> undefined = new TreeSet<>(held.keySet());
        gates.stream()
                .filter(gate -> gate.application().equals(application))
                .forEach(gate -> undefined.add(gate.environment()));
        undefined.removeAll(policy.names());
        for (String name : undefined) {
            outside.add(stop(policy, order, name, application, held, gates, now));
        }
        return new PromotionLane(application, columns, outside, order.cycle());
    }

    private static LaneStop stop(
            PromotionPolicy policy,
            PromotionOrder order,
            String name,
            String application,
            Map<String, ApplicationHoldings.Holding> held,
            List<WaitingGate> gates,
            Instant now) {
        Optional<Environment> environment = policy.environment(name);
        Optional<ApplicationHoldings.Holding> holding = Optional.ofNullable(held.get(name));
        List<WaitingGate> waiting = gates.stream()
                .filter(gate -> gate.application().equals(application)
                        && gate.environment().equals(name))
                .sorted(Comparator.comparing(WaitingGate::openedAt))
                .toList();
        return new LaneStop(
                name,
                order.columnOf(name),
                environment.isPresent(),
                environment.map(Environment::promotedFrom).orElse(List.of()),
                holding,
                waiting,
                environment
                        .map(defined -> CalendarState.of(defined.changeCalendar(), now))
                        .orElse(null),
                holding.map(h -> soaks(policy, h, held, now)).orElse(List.of()));
    }

    /**
     * The countdowns of a held release towards each environment promoted from this one with a soak time,
     * except those that already hold the same release (it has moved on there).
     */
    private static List<SoakCountdown> soaks(
            PromotionPolicy policy,
            ApplicationHoldings.Holding holding,
            Map<String, ApplicationHoldings.Holding> held,
            Instant now) {
        List<SoakCountdown> soaks = new ArrayList<>();
        PromotionRecord current = holding.current();
        for (Environment next : policy.environments()) {
            ApplicationHoldings.Holding there = held.get(next.name());
            boolean movedOn = there != null && there.current().digest().matches(current.digest());
            if (next.promotedFrom().contains(holding.environment())
                    && !next.soakTime().isZero()
                    && !movedOn) {
                soaks.add(SoakCountdown.of(next.name(), holding.since(), next.soakTime(), now));
            }
        }
        return soaks;
    }
}
