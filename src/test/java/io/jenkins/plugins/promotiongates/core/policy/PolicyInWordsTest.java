package io.jenkins.plugins.promotiongates.core.policy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** The administrator's preview: every setting of the effective policy in words, beside its digest. */
public class PolicyInWordsTest {

    @Test
    public void everySettingIsSaidInWords() {
        Environment production = Environment.builder("production")
                .promotedFrom("staging")
                .rule(new ApprovalRule("release", new LinkedHashSet<>(List.of("alice", "bob")), Set.of("ops"), 2, true))
                .signature(SignatureRequirement.of(Set.of("release-team")))
                .allowedBranches(List.of("main", "release/*"))
                .timeZone(ZoneId.of("Europe/Paris"))
                .changeWindows(List.of(WeeklyWindow.parse("w", "MON-FRI", "09:00", "17:00")))
                .freezes(List.of(new Freeze(
                        Instant.parse("2025-12-20T00:00:00Z"), Instant.parse("2026-01-05T00:00:00Z"), "year-end")))
                .soakTime(Duration.ofHours(24))
                .repository("file:/srv/releases")
                .rollbackApprovals(1)
                .breakGlass(new BreakGlass(true, Set.of("oncall-lead")))
                .evidence(List.of(EvidenceRequirement.of(EvidenceKind.TESTS, Map.of(), "evidence[0]")))
                .build();
        assertEquals(
                List.of(
                        "Releases enter it from staging only.",
                        "One approval rule must be met:",
                        "release: 2 approvals from different people from alice and bob or members of group ops, each"
                                + " with a comment.",
                        "Whoever started the run, or a run upstream of it, may not decide.",
                        "Authors of changes that production has not received yet may not decide.",
                        "A rejection by anyone who may decide ends the gate at once; it needs a comment.",
                        "An approval counts for 1 d after it is given; after that the person must approve again.",
                        "The gate waits at most 7 d for decisions, then times out and stops the run.",
                        "Break-glass is allowed for oncall-lead (administrators only), with a justification that is"
                                + " recorded and shown everywhere.",
                        "Signature: one of the trusted keys release-team must sign each file (RSA keys of at least"
                                + " 2048 bits, hash sha256 or stronger).",
                        "Only branches matching main or release/* may promote here.",
                        "Promotions may enter only inside the change windows [MON,TUE,WED,THU,FRI 09:00-17:00],"
                                + " time zone Europe/Paris.",
                        "Frozen from 2025-12-20T00:00:00Z to 2026-01-05T00:00:00Z: year-end.",
                        "Evidence required: tests.",
                        "A release must have spent 1d in the environment it comes from before it may enter.",
                        "Promotions publish to file:/srv/releases.",
                        "A rollback (a release it held before) needs 1 approval(s) from anyone eligible under any"
                                + " rule."),
                PolicyInWords.of(new EffectivePolicy(production, Set.of())));
    }

    @Test
    public void anEntryPointWithoutRulesSaysWhatIsNotRequired() {
        List<String> lines =
                PolicyInWords.of(new EffectivePolicy(Environment.builder("dev").build(), Set.of()));
        assertEquals("An entry point: releases enter it from no other environment.", lines.get(0));
        assertEquals("No approvals are needed.", lines.get(1));
        assertTrue(lines.contains("Signature: none needed."));
        assertTrue(lines.contains("No evidence is required."));
        assertTrue(lines.contains("Break-glass is not allowed: nobody can bypass these approvals."));
        assertTrue(lines.contains("Promotions are recorded only: no repository is written."));
    }
}
