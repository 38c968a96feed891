package io.jenkins.plugins.promotiongates.core.view;

import java.util.List;
import java.util.stream.Stream;

/**
 * One application's environments in promotion order, each with what it holds, what waits to enter it,
 * its change calendar now and its soak countdown: what the environment view draws.
 *
 * @param application the application
 * @param columns the environments of the promotion chain, column by column
 * @param outside the environments outside the chain (in none, or in a cycle), then those the policy no
 *     longer defines that still hold a release of the application
 * @param cycle the environments whose {@code promotedFrom} form a cycle; empty when there is none
 */
public record PromotionLane(
        String application, List<List<LaneStop>> columns, List<LaneStop> outside, List<String> cycle) {

    public PromotionLane {
        columns = columns.stream().map(List::copyOf).toList();
        outside = List.copyOf(outside);
        cycle = List.copyOf(cycle);
    }

    /** Every stop in the order shown. */
    public List<LaneStop> stops() {
        return Stream.concat(columns.stream().flatMap(List::stream), outside.stream())
                .toList();
    }

    /** Whether no environment holds a release of the application that the viewer may read. */
    public boolean neverPromoted() {
        return stops().stream().allMatch(stop -> stop.holding().isEmpty());
    }
}
