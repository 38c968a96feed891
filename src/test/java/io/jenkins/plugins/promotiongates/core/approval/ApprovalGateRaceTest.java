package io.jenkins.plugins.promotiongates.core.approval;

import static io.jenkins.plugins.promotiongates.core.approval.Gates.ARTIFACT;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.IDS;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.person;
import static io.jenkins.plugins.promotiongates.core.approval.Gates.production;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Many people decide on one gate at the same moment, a thousand times over. Whatever order the
 * threads get in, the gate's final state must be the one a sequential replay of its accepted
 * decisions gives, nothing may be accepted after it closes, and it is approved exactly when the
 * accepted approvals can fill every rule (checked by brute force, not by the gate's matcher).
 */
public class ApprovalGateRaceTest {

    private static final int ROUNDS = 1000;
    private static final int THREADS = 6;

    /** Who may act: leads (rule 0), security (rule 1), erin (both). */
    private static final String[][] PEOPLE = {
        {"ann", "leads"},
        {"bob", "leads"},
        {"cid", "leads"},
        {"dee", "leads"},
        {"sue", "security"},
        {"tom", "security"},
        {"erin", "leads", "security"}
    };

    private record Attempt(Approver who, boolean reject) {}

    private record Outcome(Attempt attempt, DecisionResult result, DecisionRefusedException refusal) {}

    @Test
    public void racingDecisionsAlwaysEndInTheStateTheirOrderDetermines() throws Exception {
        EffectivePolicy policy = Gates.effective(production());
        ManualClock clock = new ManualClock(Instant.parse("2025-06-02T09:00:00Z"));
        Random random = new Random(7_340_033L);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int[] endings = new int[GateState.values().length];
        try {
            for (int round = 0; round < ROUNDS; round++) {
                ApprovalGate gate =
                        ApprovalGate.open("g" + round, policy, ARTIFACT, RunParties.of(IDS, null, List.of()), clock);
                List<Attempt> attempts = new ArrayList<>();
                int people = 2 + random.nextInt(THREADS - 1);
                for (int t = 0; t < people; t++) {
                    String[] p = PEOPLE[random.nextInt(PEOPLE.length)];
                    attempts.add(new Attempt(
                            person(p[0], java.util.Arrays.copyOfRange(p, 1, p.length)), random.nextInt(100) < 12));
                }
                List<Outcome> outcomes = race(pool, gate, attempts);
                GateSnapshot end = gate.snapshot();
                assertConsistent("round " + round + " " + attempts, policy, end, outcomes);
                endings[end.state().ordinal()]++;
            }
        } finally {
            pool.shutdownNow();
        }
        String spread = java.util.Arrays.toString(endings);
        assertTrue("some rounds end approved " + spread, endings[GateState.APPROVED.ordinal()] > 50);
        assertTrue("some rounds end rejected " + spread, endings[GateState.REJECTED.ordinal()] > 50);
        assertTrue("some rounds stay waiting " + spread, endings[GateState.WAITING.ordinal()] > 50);
    }

    private static List<Outcome> race(ExecutorService pool, ApprovalGate gate, List<Attempt> attempts)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(attempts.size());
        Outcome[] outcomes = new Outcome[attempts.size()];
        String policyDigest = gate.snapshot().policyDigest();
        for (int i = 0; i < attempts.size(); i++) {
            int index = i;
            Attempt attempt = attempts.get(i);
            pool.execute(() -> {
                try {
                    start.await();
                    DecisionResult result = attempt.reject()
                            ? gate.reject(attempt.who(), "veto", ARTIFACT, policyDigest)
                            : gate.approve(attempt.who(), "ok", ARTIFACT, policyDigest);
                    outcomes[index] = new Outcome(attempt, result, null);
                } catch (DecisionRefusedException e) {
                    outcomes[index] = new Outcome(attempt, null, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        start.countDown();
        assertTrue("threads finished", done.await(10, TimeUnit.SECONDS));
        return List.of(outcomes);
    }

    private static void assertConsistent(
            String round, EffectivePolicy policy, GateSnapshot end, List<Outcome> outcomes) {
        // Every call either recorded a decision, was a no-op repeat, or was refused because the gate had closed.
        List<Decision> recorded = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.refusal() != null) {
                assertEquals(
                        round + ": " + outcome.refusal().getMessage(),
                        Refusal.CLOSED,
                        outcome.refusal().refusal());
                assertTrue(round, end.state().isClosed());
            } else if (outcome.result().recorded()) {
                recorded.add(outcome.result().decision());
            } else {
                assertFalse(
                        round + ": only an approval repeats", outcome.attempt().reject());
            }
        }
        assertEquals(
                round + ": accepted decisions are exactly those recorded",
                recorded.size(),
                end.decisions().size());
        assertTrue(round, end.decisions().containsAll(recorded));

        // Replay sequentially: the gate must have been waiting before each accepted decision.
        GateState replayed = GateState.WAITING;
        LinkedHashSet<String> approvers = new LinkedHashSet<>();
        for (Decision decision : end.decisions()) {
            assertEquals(round + ": a decision was accepted after the gate closed", GateState.WAITING, replayed);
            if (decision.kind() == DecisionKind.REJECT) {
                replayed = GateState.REJECTED;
            } else {
                assertTrue(round + ": a repeated approval was recorded twice", approvers.add(decision.userId()));
                if (quorumByBruteForce(policy, end.decisions(), approvers)) {
                    replayed = GateState.APPROVED;
                }
            }
        }
        assertEquals(round, replayed, end.state());
        boolean anyReject = end.decisions().stream().anyMatch(d -> d.kind() == DecisionKind.REJECT);
        assertEquals(
                round + ": approved iff the accepted approvals fill every rule",
                !anyReject && quorumByBruteForce(policy, end.decisions(), approvers),
                end.state() == GateState.APPROVED);
        if (end.state().isClosed()) {
            assertEquals(round, end.decisions().get(end.decisions().size() - 1).userId(), end.closedBy());
        }
    }

    /** Tries every way to give each approver one rule (or none) and checks that each rule gets its count. */
    private static boolean quorumByBruteForce(
            EffectivePolicy policy, List<Decision> decisions, LinkedHashSet<String> approvers) {
        List<List<Integer>> options = new ArrayList<>();
        for (String approver : approvers) {
            decisions.stream()
                    .filter(d -> d.userId().equals(approver) && d.kind() == DecisionKind.APPROVE)
                    .findFirst()
                    .ifPresent(d -> options.add(d.rules()));
        }
        return fill(policy, options, 0, new int[policy.rules().size()]);
    }

    private static boolean fill(EffectivePolicy policy, List<List<Integer>> options, int person, int[] used) {
        if (person == options.size()) {
            for (int r = 0; r < used.length; r++) {
                if (used[r] < policy.rules().get(r).count()) {
                    return false;
                }
            }
            return true;
        }
        if (fill(policy, options, person + 1, used)) {
            return true;
        }
        for (int rule : options.get(person)) {
            used[rule]++;
            boolean ok = fill(policy, options, person + 1, used);
            used[rule]--;
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
