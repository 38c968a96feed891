package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An environment as the administrator defines it: every promotion into it must satisfy this policy.
 * Build one with {@link #builder(String)}; check it with {@link PolicyValidator}.
 *
 * @param name the environment's name, such as {@code production}
 * @param promotedFrom environments artifacts may come from; empty makes this an entry point
 * @param approvalRules rules that must all hold; each counts distinct people
 * @param starterMayNotApprove the person who started the run may not approve it (default on)
 * @param changeAuthorsMayNotApprove authors of the run's changes may not approve it (default on)
 * @param onePersonOneRule one person satisfies at most one rule (default on)
 * @param approvalValidity approvals older than this no longer count (default 24h)
 * @param gateTimeout how long a gate waits for approvals before timing out (default 7d)
 * @param signature the signature an artifact needs to enter, or {@code null} for none
 * @param allowedBranches branch globs that may promote here; empty means any branch
 * @param timeZone the zone {@code changeWindows} are written in (default UTC)
 * @param changeWindows weekly windows in which promotions may happen; empty means any time
 * @param freezes periods in which no promotion may happen
 * @param soakTime minimum time the artifact must have spent in its source environment (default 0)
 * @param repository the repository this environment publishes to, as configured by the administrator
 * @param breakGlass whether and by whom approvals may be bypassed with a justification
 * @param rollbackApprovals approvals a rollback (a digest this environment held before) needs in place of
 *     {@code approvalRules}, from people eligible under any rule; {@code null}: rollbacks need the rules
 * @param evidence what a release must show before it enters: test results, SBOM, scans, metrics, external
 *     checks; empty for none
 */
public record Environment(
        String name,
        List<String> promotedFrom,
        List<ApprovalRule> approvalRules,
        boolean starterMayNotApprove,
        boolean changeAuthorsMayNotApprove,
        boolean onePersonOneRule,
        Duration approvalValidity,
        Duration gateTimeout,
        SignatureRequirement signature,
        List<String> allowedBranches,
        ZoneId timeZone,
        List<WeeklyWindow> changeWindows,
        List<Freeze> freezes,
        Duration soakTime,
        String repository,
        BreakGlass breakGlass,
        Integer rollbackApprovals,
        List<EvidenceRequirement> evidence)
        implements Serializable {

    public static final Duration DEFAULT_APPROVAL_VALIDITY = Duration.ofHours(24);
    public static final Duration DEFAULT_GATE_TIMEOUT = Duration.ofDays(7);

    public Environment {
        name = name == null ? "" : name.trim();
        promotedFrom = List.copyOf(promotedFrom == null ? List.of() : promotedFrom);
        approvalRules = List.copyOf(approvalRules == null ? List.of() : approvalRules);
        approvalValidity = approvalValidity == null ? DEFAULT_APPROVAL_VALIDITY : approvalValidity;
        gateTimeout = gateTimeout == null ? DEFAULT_GATE_TIMEOUT : gateTimeout;
        allowedBranches = List.copyOf(allowedBranches == null ? List.of() : allowedBranches);
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        changeWindows = List.copyOf(changeWindows == null ? List.of() : changeWindows);
        freezes = List.copyOf(freezes == null ? List.of() : freezes);
        soakTime = soakTime == null ? Duration.ZERO : soakTime;
        repository = repository == null ? "" : repository.trim();
        breakGlass = breakGlass == null ? BreakGlass.FORBIDDEN : breakGlass;
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }

    /** A builder with every default: no rules, separation of duties on, 24h validity, 7d timeout. */
    public static EnvironmentBuilder builder(String name) {
        return new EnvironmentBuilder(name);
    }

    /** A builder starting from this environment's settings. */
    public EnvironmentBuilder toBuilder() {
        return new EnvironmentBuilder(this);
    }

    /** The change windows and freezes, ready to evaluate. */
    public ChangeCalendar changeCalendar() {
        return new ChangeCalendar(timeZone, changeWindows, freezes);
    }

    /** How rule {@code index} is shown: its name, or {@code rule N} (1-based) when it has none. */
    public String ruleLabel(int index) {
        String ruleName = approvalRules.get(index).name();
        return ruleName.isEmpty() ? "rule " + (index + 1) : ruleName;
    }
}
