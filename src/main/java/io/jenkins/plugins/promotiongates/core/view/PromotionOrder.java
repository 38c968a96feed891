package io.jenkins.plugins.promotiongates.core.view;

import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environments of a policy in promotion order, read from their {@code promotedFrom} chains:
 * {@code dev → staging → production} as columns, left to right. An environment's column is one more than
 * the furthest of its sources, so environments promoted from the same one share a column. Environments
 * in no chain (nothing promotes from them, they promote from nothing) and environments whose sources
 * form a cycle come after the chain, in the administrator's order; the cycle is named so that it can be
 * shown as a problem.
 *
 * @param columns the chain's environments, column by column, each column in the administrator's order
 * @param outside environments in no chain, then those in or after a cycle, in the administrator's order
 * @param cycle the environments in or after a {@code promotedFrom} cycle, in the administrator's order
 */
public record PromotionOrder(List<List<String>> columns, List<String> outside, List<String> cycle) {

    public PromotionOrder {
        columns = columns.stream().map(List::copyOf).toList();
        outside = List.copyOf(outside);
        cycle = List.copyOf(cycle);
    }

    /** The order of {@code policy}'s environments; sources that are not environments of it are ignored. */
    public static PromotionOrder of(PromotionPolicy policy) {
        List<String> names = policy.names();
        Set<String> known = Set.copyOf(names);
        Map<String, Set<String>> sources = new HashMap<>();
        Set<String> chained = new LinkedHashSet<>();
        for (Environment environment : policy.environments()) {
            Set<String> from = new LinkedHashSet<>();
            for (String source : environment.promotedFrom()) {
                if (known.contains(source) && !source.equals(environment.name())) {
                    from.add(source);
                    chained.add(source);
                    chained.add(environment.name());
                } else if (source.equals(environment.name())) {
                    from.add(source); // promoted from itself: a cycle of one
                    chained.add(source);
                }
            }
            sources.put(environment.name(), from);
        }
        Map<String, Integer> column = new HashMap<>();
        boolean placed = true;
        while (placed) {
            placed = false;
            for (String name : names) {
                if (chained.contains(name)
                        && !column.containsKey(name)
                        && column.keySet().containsAll(sources.get(name))) {
                    column.put(
                            name,
                            sources.get(name).stream()
                                            .mapToInt(column::get)
                                            .max()
                                            .orElse(-1)
                                    + 1);
                    placed = true;
                }
            }
        }
        List<List<String>> columns = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> cycle = new ArrayList<>();
        for (String name : names) {
            Integer at = column.get(name);
            if (at != null) {
                while (columns.size() <= at) {
                    columns.add(new ArrayList<>());
                }
                columns.get(at).add(name);
            } else if (chained.contains(name)) {
                cycle.add(name);
            } else {
                outside.add(name);
            }
        }
        outside.addAll(cycle);
        return new PromotionOrder(columns, outside, cycle);
    }

    /** Every environment in the order shown: the columns left to right, then those outside the chain. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        columns.forEach(all::addAll);
        all.addAll(outside);
        return all;
    }

    /** The column of {@code environment} in the chain, or -1 when it is outside it. */
    public int columnOf(String environment) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).contains(environment)) {
                return i;
            }
        }
        return -1;
    }
}
