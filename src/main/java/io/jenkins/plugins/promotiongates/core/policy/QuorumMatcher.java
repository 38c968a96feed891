package io.jenkins.plugins.promotiongates.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns people to approval rules so that as many rule slots as possible are filled. When one
 * person may satisfy only one rule this is a maximum bipartite matching with rule capacities (the
 * counts), found by augmenting paths: a greedy "first fitting rule" assignment can miss a quorum
 * that exists (Alice fills rule A, Bob is eligible for A only; moving Alice to B makes room). When
 * one person may satisfy several rules, each rule simply counts everyone eligible for it.
 */
public final class QuorumMatcher {

    private final List<Integer> counts;
    private final Map<String, List<Integer>> eligibility;
    private final List<List<String>> assigned = new ArrayList<>();

    private QuorumMatcher(List<Integer> counts, Map<String, List<Integer>> eligibility) {
        this.counts = counts;
        this.eligibility = eligibility;
        counts.forEach(count -> assigned.add(new ArrayList<>()));
    }

    /**
     * @param counts required number of distinct people per rule
     * @param eligibility each person's eligible rule indices, in the order people should be preferred
     * @param onePersonOneRule whether a person may count for one rule only
     */
    public static Assignment assign(
            List<Integer> counts, Map<String, List<Integer>> eligibility, boolean onePersonOneRule) {
        QuorumMatcher matcher = new QuorumMatcher(List.copyOf(counts), new LinkedHashMap<>(eligibility));
        if (onePersonOneRule) {
            matcher.eligibility.keySet().forEach(person -> matcher.augment(person, new HashSet<>()));
        } else {
            matcher.eligibility.forEach((person, rules) ->
                    rules.forEach(rule -> matcher.assigned.get(rule).add(person)));
        }
        Map<String, Integer> preference = new java.util.HashMap<>();
        matcher.eligibility.keySet().forEach(person -> preference.put(person, preference.size()));
        Comparator<String> inPreferenceOrder = Comparator.comparingInt(preference::get);
        return new Assignment(
                matcher.counts,
                matcher.assigned.stream()
                        .map(people -> people.stream().sorted(inPreferenceOrder).toList())
                        .toList());
    }

    /** Finds room for {@code person}, moving already assigned people to other rules if needed. */
    private boolean augment(String person, Set<Integer> visited) {
        for (int rule : eligibility.get(person)) {
            if (!visited.add(rule)) {
                continue;
            }
            List<String> members = assigned.get(rule);
            if (members.size() < counts.get(rule)) {
                members.add(person);
                return true;
            }
            for (int i = 0; i < members.size(); i++) {
                if (augment(members.get(i), visited)) {
                    members.set(i, person);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Who counts for which rule.
     *
     * @param counts required people per rule
     * @param assigned people counted per rule, in preference order (with one person per rule, disjoint)
     */
    public record Assignment(List<Integer> counts, List<List<String>> assigned) {

        /** How many of rule {@code rule}'s required people are there (at most its count). */
        public int filled(int rule) {
            return Math.min(assigned.get(rule).size(), counts.get(rule));
        }

        /** Whether every rule has its count. */
        public boolean met() {
            for (int rule = 0; rule < counts.size(); rule++) {
                if (filled(rule) < counts.get(rule)) {
                    return false;
                }
            }
            return true;
        }

        /** Filled slots over all rules. */
        public int filledTotal() {
            int total = 0;
            for (int rule = 0; rule < counts.size(); rule++) {
                total += filled(rule);
            }
            return total;
        }

        /** Required slots over all rules. */
        public int requiredTotal() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }
}
