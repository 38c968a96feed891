package io.jenkins.plugins.promotiongates.core.policy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

public class QuorumMatcherTest {

    private static Map<String, List<Integer>> people(Object... personThenRules) {
        Map<String, List<Integer>> eligibility = new LinkedHashMap<>();
        for (int i = 0; i < personThenRules.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Integer> rules = (List<Integer>) personThenRules[i + 1];
            eligibility.put((String) personThenRules[i], rules);
        }
        return eligibility;
    }

    @Test
    public void reassignsWhereGreedyFirstFitFails() {
        // Rule 0 (leads) and rule 1 (security) need one person each. Alice approves first and is
        // eligible for both; greedy puts her on rule 0, then Bob (rule 0 only) finds it full.
        Map<String, List<Integer>> eligibility = people("alice", List.of(0, 1), "bob", List.of(0));
        assertFalse("greedy first fit misses the quorum", greedyMeets(List.of(1, 1), eligibility));
        QuorumMatcher.Assignment best = QuorumMatcher.assign(List.of(1, 1), eligibility, true);
        assertTrue(best.met());
        assertEquals(List.of(List.of("bob"), List.of("alice")), best.assigned());
    }

    @Test
    public void augmentingPathThroughAFullRuleWithCapacity() {
        // Rule 0 needs 2, rules 1 and 2 need 1 each. Greedy puts ann and ben on rule 0 and has no
        // room left for dave; the matcher moves ben to rule 2 and gives dave his place.
        Map<String, List<Integer>> eligibility =
                people("ann", List.of(0, 1), "ben", List.of(0, 2), "cy", List.of(1), "dave", List.of(0));
        assertFalse(greedyMeets(List.of(2, 1, 1), eligibility));
        QuorumMatcher.Assignment best = QuorumMatcher.assign(List.of(2, 1, 1), eligibility, true);
        assertTrue(best.met());
        assertEquals(List.of(List.of("ann", "dave"), List.of("cy"), List.of("ben")), best.assigned());
    }

    @Test
    public void reportsTheLargestPartialAssignmentWhenNoQuorumExists() {
        // cy and ann are the only candidates for rule 1, and ann is also the only one left for rule 0.
        Map<String, List<Integer>> eligibility = people("ann", List.of(0, 1), "cy", List.of(1), "eve", List.of(1));
        QuorumMatcher.Assignment best = QuorumMatcher.assign(List.of(1, 2), eligibility, true);
        assertTrue(best.met());
        QuorumMatcher.Assignment short1 = QuorumMatcher.assign(List.of(2, 2), eligibility, true);
        assertFalse(short1.met());
        assertEquals(3, short1.filledTotal());
        assertEquals(bruteForceMax(List.of(2, 2), eligibility), short1.filledTotal());
    }

    @Test
    public void onePersonMayCountForEveryRuleWhenAllowed() {
        Map<String, List<Integer>> eligibility = people("alice", List.of(0, 1));
        assertFalse(QuorumMatcher.assign(List.of(1, 1), eligibility, true).met());
        QuorumMatcher.Assignment shared = QuorumMatcher.assign(List.of(1, 1), eligibility, false);
        assertTrue(shared.met());
        assertEquals(List.of(List.of("alice"), List.of("alice")), shared.assigned());
    }

    @Test
    public void progressCountsAtMostTheRequiredNumber() {
        QuorumMatcher.Assignment a =
                QuorumMatcher.assign(List.of(1, 2), people("a", List.of(0), "b", List.of(0), "c", List.of(1)), false);
        assertEquals(1, a.filled(0));
        assertEquals(1, a.filled(1));
        assertEquals(2, a.filledTotal());
        assertEquals(3, a.requiredTotal());
        assertFalse(a.met());
    }

    /** Property: on random small instances, the matcher fills exactly as many slots as the best assignment. */
    @Test
    public void matchesBruteForceOnRandomInstances() {
        Random random = new Random(20250607L);
        for (int round = 0; round < 3000; round++) {
            int ruleCount = 1 + random.nextInt(3);
            List<Integer> counts = new ArrayList<>();
            for (int r = 0; r < ruleCount; r++) {
                counts.add(1 + random.nextInt(3));
            }
            Map<String, List<Integer>> eligibility = new LinkedHashMap<>();
            int peopleCount = random.nextInt(7);
            for (int p = 0; p < peopleCount; p++) {
                List<Integer> rules = new ArrayList<>();
                for (int r = 0; r < ruleCount; r++) {
                    if (random.nextInt(100) < 45) {
                        rules.add(r);
                    }
                }
                eligibility.put("p" + p, rules);
            }
            int best = bruteForceMax(counts, eligibility);
            boolean exists = best == counts.stream().mapToInt(Integer::intValue).sum();
            QuorumMatcher.Assignment matched = QuorumMatcher.assign(counts, eligibility, true);
            String instance = "round " + round + ": counts " + counts + ", eligibility " + eligibility;
            assertEquals(instance, best, matched.filledTotal());
            assertEquals(instance, exists, matched.met());
            assertValid(instance, counts, eligibility, matched);
        }
    }

    private static void assertValid(
            String instance, List<Integer> counts, Map<String, List<Integer>> eligibility, QuorumMatcher.Assignment a) {
        List<String> seen = new ArrayList<>();
        for (int rule = 0; rule < counts.size(); rule++) {
            assertTrue(instance, a.assigned().get(rule).size() <= counts.get(rule));
            for (String person : a.assigned().get(rule)) {
                assertTrue(instance, eligibility.get(person).contains(rule));
                assertFalse(instance + ": " + person + " counted twice", seen.contains(person));
                seen.add(person);
            }
        }
    }

    /** Tries every way of giving each person one rule or none. */
    private static int bruteForceMax(List<Integer> counts, Map<String, List<Integer>> eligibility) {
        List<List<Integer>> options = new ArrayList<>(eligibility.values());
        return bruteForce(counts, options, 0, new int[counts.size()]);
    }

    private static int bruteForce(List<Integer> counts, List<List<Integer>> options, int person, int[] used) {
        if (person == options.size()) {
            int filled = 0;
            for (int r = 0; r < used.length; r++) {
                filled += Math.min(used[r], counts.get(r));
            }
            return filled;
        }
        int best = bruteForce(counts, options, person + 1, used);
        for (int rule : options.get(person)) {
            used[rule]++;
            best = Math.max(best, bruteForce(counts, options, person + 1, used));
            used[rule]--;
        }
        return best;
    }

    private static boolean greedyMeets(List<Integer> counts, Map<String, List<Integer>> eligibility) {
        int[] used = new int[counts.size()];
        for (List<Integer> rules : eligibility.values()) {
            for (int rule : rules) {
                if (used[rule] < counts.get(rule)) {
                    used[rule]++;
                    break;
                }
            }
        }
        for (int r = 0; r < used.length; r++) {
            if (used[r] < counts.get(r)) {
                return false;
            }
        }
        return true;
    }
}
