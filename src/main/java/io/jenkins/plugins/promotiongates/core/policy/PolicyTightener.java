package io.jenkins.plugins.promotiongates.core.policy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes the effective policy of a gate: the administrator's environment tightened by the
 * step's arguments, never loosened. Anything that would loosen (a lower count, an approver the
 * policy does not make eligible, a longer timeout or validity, a skipped rule, another repository)
 * is refused with a message that names the step argument and the administrator's setting that
 * forbids it.
 */
public final class PolicyTightener {

    /** More approvers than any quorum can use; bounds the work done on a step's argument. */
    static final int MAX_APPROVERS = 1000;

    private final IdNormalizer ids;
    private final GroupDirectory directory;

    /**
     * @param ids the security realm's id comparison rules
     * @param directory group membership of users named in {@link Tightening#approvers()}
     */
    public PolicyTightener(IdNormalizer ids, GroupDirectory directory) {
        this.ids = ids;
        this.directory = directory;
    }

    /**
     * @throws InvalidPolicyException if the environment is invalid or the step would loosen it; every
     *     problem is listed
     */
    public EffectivePolicy effective(Environment admin, Tightening step) {
        String setting = "environments[" + admin.name() + "].";
        PolicyValidator.requireValid(admin, setting);
        Environment normalized = normalize(admin);
        List<PolicyProblem> problems = new ArrayList<>();
        collapsedRuleUsers(admin, normalized, setting, problems);
        List<ApprovalRule> rules = count(normalized, step.count(), setting, problems);
        Set<String> approvers = approvers(normalized, rules, step.approvers(), setting, problems);
        Duration timeout =
                shorter("timeout", step.timeout(), normalized.gateTimeout(), setting + "gateTimeout", problems);
        Duration validity = shorter(
                "validity", step.validity(), normalized.approvalValidity(), setting + "approvalValidity", problems);
        if (step.repository() != null
                && !step.repository().isBlank()
                && !step.repository().trim().equals(admin.repository())) {
            problems.add(new PolicyProblem(
                    "repository",
                    "'" + step.repository() + "' differs from " + setting + "repository '" + admin.repository()
                            + "'; a pipeline cannot choose another repository: leave it out"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        Environment effective = normalized.toBuilder()
                .approvalRules(rules)
                .gateTimeout(timeout)
                .approvalValidity(validity)
                .build();
        return new EffectivePolicy(effective, approvers);
    }

    /**
     * Users of one rule whose ids the realm compares as equal ({@code Alice} and {@code alice} when ids
     * ignore case) count once: when that leaves a rule with fewer eligible people than its count, the
     * administrator's list looked satisfiable but is not. Caught on the ids as written, naming them.
     */
    private void collapsedRuleUsers(
            Environment admin, Environment normalized, String setting, List<PolicyProblem> problems) {
        for (int i = 0; i < admin.approvalRules().size(); i++) {
            ApprovalRule raw = admin.approvalRules().get(i);
            ApprovalRule rule = normalized.approvalRules().get(i);
            if (rule.users().size() == raw.users().size()
                    || !rule.groups().isEmpty()
                    || rule.users().size() >= rule.count()) {
                continue;
            }
            Map<String, List<String>> spellings = new LinkedHashMap<>();
            raw.users()
                    .forEach(id -> spellings
                            .computeIfAbsent(ids.user(id), key -> new ArrayList<>())
                            .add(id));
            List<String> collapsed = spellings.values().stream()
                    .filter(list -> list.size() > 1)
                    .map(Object::toString)
                    .toList();
            problems.add(new PolicyProblem(
                    setting + "approvalRules[" + i + "].users",
                    "lists " + String.join(", ", collapsed) + ", which this security realm treats as one person"
                            + " each, so only " + rule.users().size() + " people are eligible for a count of "
                            + rule.count() + "; list each person once and add eligible users or groups"));
        }
    }

    private Environment normalize(Environment admin) {
        List<ApprovalRule> rules = new ArrayList<>();
        for (int i = 0; i < admin.approvalRules().size(); i++) {
            ApprovalRule rule = admin.approvalRules().get(i);
            rules.add(new ApprovalRule(
                    admin.ruleLabel(i),
                    users(rule.users()),
                    groups(rule.groups()),
                    rule.count(),
                    rule.commentRequired()));
        }
        return admin.toBuilder()
                .promotedFrom(List.copyOf(new TreeSet<>(admin.promotedFrom())))
                .approvalRules(rules)
                .approvalValidity(admin.approvalValidity().truncatedTo(ChronoUnit.SECONDS))
                .gateTimeout(admin.gateTimeout().truncatedTo(ChronoUnit.SECONDS))
                .soakTime(admin.soakTime().truncatedTo(ChronoUnit.SECONDS))
                .breakGlass(new BreakGlass(
                        admin.breakGlass().allowed(), users(admin.breakGlass().users())))
                .build();
    }

    private static List<ApprovalRule> count(
            Environment env, Integer count, String setting, List<PolicyProblem> problems) {
        if (count == null) {
            return env.approvalRules();
        }
        if (count < 1) {
            problems.add(new PolicyProblem(
                    "count",
                    count + " would skip the approval gate, which " + setting
                            + "approvalRules requires; leave count out or raise it"));
            return env.approvalRules();
        }
        if (count > PolicyValidator.MAX_COUNT) {
            problems.add(new PolicyProblem(
                    "count",
                    count + " is out of range; ask for at most " + PolicyValidator.MAX_COUNT
                            + " approvals, or leave count out to keep " + setting + "approvalRules"));
            return env.approvalRules();
        }
        List<ApprovalRule> raised = new ArrayList<>();
        for (int i = 0; i < env.approvalRules().size(); i++) {
            ApprovalRule rule = env.approvalRules().get(i);
            if (count > rule.count()
                    && rule.groups().isEmpty()
                    && count > rule.users().size()) {
                problems.add(new PolicyProblem(
                        "count",
                        count + " can never be met: " + setting + "approvalRules[" + i + "] (" + rule.name()
                                + ") makes only " + rule.users().size() + " people eligible and names no group;"
                                + " use at most "
                                + Math.max(rule.count(), rule.users().size())
                                + " or ask an administrator to add eligible users or groups"));
            }
            if (count < rule.count()) {
                problems.add(new PolicyProblem(
                        "count",
                        count + " is lower than " + setting + "approvalRules[" + i
                                + "] (" + rule.name() + ").count = " + rule.count()
                                + "; a pipeline may only raise it: leave count out or use at least " + rule.count()));
            }
            raised.add(rule.withCount(Math.max(count, rule.count())));
        }
        return raised;
    }

    private Set<String> approvers(
            Environment env,
            List<ApprovalRule> rules,
            List<String> named,
            String setting,
            List<PolicyProblem> problems) {
        if (named == null) {
            return Set.of();
        }
        if (named.isEmpty()) {
            problems.add(new PolicyProblem(
                    "approvers",
                    "is empty, which would leave nobody to approve; " + "leave it out to keep everyone " + setting
                            + "approvalRules makes eligible, or name at least one"));
            return Set.of();
        }
        if (named.size() > MAX_APPROVERS) {
            problems.add(new PolicyProblem(
                    "approvers",
                    "names " + named.size() + " people; name at most " + MAX_APPROVERS
                            + ", or leave approvers out to keep everyone " + setting + "approvalRules makes eligible"));
            return Set.of();
        }
        Set<String> approvers = new LinkedHashSet<>();
        Map<String, String> spelledAs = new LinkedHashMap<>();
        for (String name : named) {
            if (name == null || name.isBlank()) {
                problems.add(
                        new PolicyProblem("approvers", "contains a blank name; write user ids such as 'alice, bob'"));
                continue;
            }
            String user = ids.user(name);
            String earlier = spelledAs.putIfAbsent(user, name.trim());
            if (earlier != null) {
                problems.add(new PolicyProblem(
                        "approvers",
                        "'" + earlier + "' and '" + name.trim() + "' are the same person for this security realm"
                                + " (both are '" + user + "'), so they count once; name each approver once"));
            }
            Set<String> groups = directory.groupsOf(user);
            if (rules.stream().noneMatch(rule -> rule.isEligible(user, groups))) {
                problems.add(new PolicyProblem(
                        "approvers",
                        "'" + name + "' is not eligible under " + setting
                                + "approvalRules; a pipeline may only narrow the eligible approvers, never add one"));
            }
            approvers.add(user);
        }
        for (int i = 0; i < rules.size(); i++) {
            ApprovalRule rule = rules.get(i);
            long eligible = approvers.stream()
                    .filter(user -> rule.isEligible(user, directory.groupsOf(user)))
                    .count();
            if (eligible < rule.count()) {
                problems.add(
                        new PolicyProblem(
                                "approvers",
                                "leaves " + eligible + " eligible people for " + setting
                                        + "approvalRules[" + i + "] (" + rule.name() + "), which requires "
                                        + rule.count()
                                        + "; a pipeline cannot skip a rule: name enough eligible approvers or leave approvers out"));
            }
        }
        if (env.onePersonOneRule() && problems.isEmpty()) {
            Map<String, List<Integer>> eligibility = new LinkedHashMap<>();
            for (String user : approvers) {
                List<Integer> eligibleRules = new ArrayList<>();
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).isEligible(user, directory.groupsOf(user))) {
                        eligibleRules.add(i);
                    }
                }
                eligibility.put(user, eligibleRules);
            }
            QuorumMatcher.Assignment best =
                    QuorumMatcher.assign(rules.stream().map(ApprovalRule::count).toList(), eligibility, true);
            if (!best.met()) {
                problems.add(new PolicyProblem(
                        "approvers",
                        "these " + approvers.size() + " people can fill at most "
                                + best.filledTotal() + " of the " + best.requiredTotal() + " approvals " + setting
                                + "approvalRules requires, because " + setting
                                + "onePersonOneRule lets each count for one rule;"
                                + " name more eligible approvers or leave approvers out"));
            }
        }
        return approvers;
    }

    private static Duration shorter(
            String argument, Duration asked, Duration limit, String setting, List<PolicyProblem> problems) {
        if (asked == null) {
            return limit;
        }
        Duration seconds = asked.truncatedTo(ChronoUnit.SECONDS);
        if (seconds.isNegative() || seconds.isZero()) {
            problems.add(new PolicyProblem(argument, "must be at least 1 second"));
            return limit;
        }
        if (seconds.compareTo(limit) > 0) {
            problems.add(new PolicyProblem(
                    argument,
                    DurationText.format(seconds) + " is longer than " + setting + " = " + DurationText.format(limit)
                            + "; a pipeline may only shorten it"));
            return limit;
        }
        return seconds;
    }

    private Set<String> users(Set<String> raw) {
        Set<String> out = new TreeSet<>();
        raw.forEach(id -> out.add(ids.user(id)));
        return out;
    }

    private Set<String> groups(Set<String> raw) {
        Set<String> out = new TreeSet<>();
        raw.forEach(id -> out.add(ids.group(id)));
        return out;
    }
}
