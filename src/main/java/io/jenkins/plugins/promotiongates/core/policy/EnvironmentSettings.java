package io.jenkins.plugins.promotiongates.core.policy;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An environment as an administrator types it in Manage Jenkins or Configuration-as-Code YAML:
 * text fields, read into an {@link Environment} with every problem named by its field at once.
 * Name lists are written as {@code alice, bob} ({@link NameList}); durations as {@code 24h}
 * ({@link DurationText}); {@code soakTime} {@code 0} or blank means none; {@code rollbackApprovals}
 * blank means rollbacks need the same approvals as any promotion.
 */
public record EnvironmentSettings(
        String name,
        String promotedFrom,
        List<RuleSettings> approvalRules,
        boolean starterMayNotApprove,
        boolean changeAuthorsMayNotApprove,
        boolean onePersonOneRule,
        String approvalValidity,
        String gateTimeout,
        SignatureSettings signature,
        String allowedBranches,
        String timeZone,
        List<WindowSettings> changeWindows,
        List<FreezeSettings> freezes,
        String soakTime,
        String repository,
        BreakGlassSettings breakGlass,
        String rollbackApprovals,
        List<EvidenceSettings> evidence) {

    /** One approval rule: eligible {@code users} and {@code groups}, {@code count} distinct people. */
    public record RuleSettings(String name, String users, String groups, int count, boolean commentRequired) {}

    /** Which trusted keys (by name) must sign, and the algorithm floor. */
    public record SignatureSettings(String trustedKeys, int minimumRsaBits, String minimumHash) {}

    /** A weekly change window such as {@code MON-FRI}, {@code 09:00}, {@code 17:00}. */
    public record WindowSettings(String days, String start, String end) {}

    /** A freeze between two ISO-8601 instants. */
    public record FreezeSettings(String from, String to, String reason) {}

    /** Whether break-glass is allowed, and for whom. */
    public record BreakGlassSettings(boolean allowed, String users) {}

    /** One kind of evidence with its settings as typed (see {@link EvidenceRequirement}). */
    public record EvidenceSettings(EvidenceKind kind, Map<String, Object> settings) {}

    public EnvironmentSettings {
        approvalRules = approvalRules == null ? List.of() : List.copyOf(approvalRules);
        changeWindows = changeWindows == null ? List.of() : List.copyOf(changeWindows);
        freezes = freezes == null ? List.of() : List.copyOf(freezes);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * Reads and validates the environment.
     *
     * @param prefix how the environment is named in messages, such as {@code environments[production]}
     * @throws InvalidPolicyException listing every problem, each naming its field
     */
    public Environment toEnvironment(String prefix) {
        List<PolicyProblem> problems = new ArrayList<>();
        EnvironmentBuilder builder = Environment.builder(name == null ? "" : name.trim())
                .promotedFrom(NameList.parse(promotedFrom))
                .starterMayNotApprove(starterMayNotApprove)
                .changeAuthorsMayNotApprove(changeAuthorsMayNotApprove)
                .onePersonOneRule(onePersonOneRule)
                .allowedBranches(NameList.parse(allowedBranches))
                .repository(repository);
        List<ApprovalRule> rules = new ArrayList<>();
        for (RuleSettings rule : approvalRules) {
            rules.add(new ApprovalRule(
                    rule.name() == null ? "" : rule.name().trim(),
                    new LinkedHashSet<>(NameList.parse(rule.users())),
                    new LinkedHashSet<>(NameList.parse(rule.groups())),
                    rule.count(),
                    rule.commentRequired()));
        }
        builder.approvalRules(rules);
        read(problems, () -> builder.approvalValidity(duration(prefix + ".approvalValidity", approvalValidity)));
        read(problems, () -> builder.gateTimeout(duration(prefix + ".gateTimeout", gateTimeout)));
        read(problems, () -> builder.soakTime(soak(prefix + ".soakTime")));
        read(problems, () -> builder.timeZone(zone(prefix + ".timeZone")));
        if (signature != null) {
            read(
                    problems,
                    () -> builder.signature(new SignatureRequirement(
                            new LinkedHashSet<>(NameList.parse(signature.trustedKeys())),
                            signature.minimumRsaBits(),
                            SignatureHash.parse(prefix + ".signature.minimumHash", signature.minimumHash()))));
        }
        List<WeeklyWindow> windows = new ArrayList<>();
        for (int i = 0; i < changeWindows.size(); i++) {
            WindowSettings window = changeWindows.get(i);
            String field = prefix + ".changeWindows[" + i + "]";
            read(problems, () -> windows.add(WeeklyWindow.parse(field, window.days(), window.start(), window.end())));
        }
        builder.changeWindows(windows);
        List<Freeze> parsedFreezes = new ArrayList<>();
        for (int i = 0; i < freezes.size(); i++) {
            FreezeSettings freeze = freezes.get(i);
            String field = prefix + ".freezes[" + i + "]";
            read(
                    problems,
                    () -> parsedFreezes.add(new Freeze(
                            instant(field + ".from", freeze.from()),
                            instant(field + ".to", freeze.to()),
                            freeze.reason())));
        }
        builder.freezes(parsedFreezes);
        read(problems, () -> builder.rollbackApprovals(rollbackCount(prefix + ".rollbackApprovals")));
        if (breakGlass != null) {
            builder.breakGlass(
                    new BreakGlass(breakGlass.allowed(), new LinkedHashSet<>(NameList.parse(breakGlass.users()))));
        }
        List<EvidenceRequirement> required = new ArrayList<>();
        for (EvidenceSettings item : evidence) {
            String field = prefix + ".evidence["
                    + (item.kind() == null ? "?" : item.kind().label()) + "]";
            read(problems, () -> required.add(EvidenceRequirement.of(item.kind(), item.settings(), field)));
        }
        builder.evidence(required);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        Environment environment = builder.build();
        PolicyValidator.requireValid(environment, prefix + ".");
        return environment;
    }

    private static void read(List<PolicyProblem> problems, Runnable reading) {
        try {
            reading.run();
        } catch (InvalidPolicyException e) {
            problems.addAll(e.problems());
        }
    }

    private static Duration duration(String field, String text) {
        return text == null || text.isBlank() ? null : DurationText.parse(field, text);
    }

    private Duration soak(String field) {
        return soakTime == null || soakTime.isBlank() || soakTime.trim().equals("0")
                ? Duration.ZERO
                : DurationText.parse(field, soakTime);
    }

    private Integer rollbackCount(String field) {
        if (rollbackApprovals == null || rollbackApprovals.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(rollbackApprovals.trim());
        } catch (NumberFormatException e) {
            throw new InvalidPolicyException(field, "'" + rollbackApprovals + "' is not a whole number of approvals");
        }
    }

    private ZoneId zone(String field) {
        return orProblem(
                field,
                timeZone == null || timeZone.isBlank() ? null : timeZone,
                () -> ZoneId.of(timeZone.trim()),
                "is not a time zone; use an IANA zone id such as Europe/Paris or UTC");
    }

    private static Instant instant(String field, String text) {
        return orProblem(
                field, text, () -> Instant.parse(text.trim()), "is not an instant; write it as 2025-12-20T00:00:00Z");
    }

    private static <T> T orProblem(String field, String text, Supplier<T> parse, String reason) {
        if (text == null) {
            return null;
        }
        try {
            return parse.get();
        } catch (DateTimeException e) {
            throw new InvalidPolicyException(field, "'" + text + "' " + reason);
        }
    }
}
