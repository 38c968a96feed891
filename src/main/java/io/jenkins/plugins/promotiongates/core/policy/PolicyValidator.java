package io.jenkins.plugins.promotiongates.core.policy;

import io.jenkins.plugins.promotiongates.core.artifact.PortableName;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds everything wrong with an environment, each problem naming its field. An environment on its
 * own is checked by {@link #problems(Environment, String)}; references between environments by
 * {@link PromotionPolicy#problems()}.
 */
public final class PolicyValidator {

    /** Environment names appear in URLs, file names and audit records. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static final int MAX_COUNT = 100;
    private static final int MIN_RSA_BITS = 1024;
    private static final int MAX_RSA_BITS = 16384;

    private PolicyValidator() {}

    /**
     * @param environment the environment to check
     * @param prefix prepended to every field path, such as {@code environments[production].}; may be empty
     */
    public static List<PolicyProblem> problems(Environment environment, String prefix) {
        List<PolicyProblem> problems = new ArrayList<>();
        if (environment.name() == null || !NAME.matcher(environment.name()).matches()) {
            problems.add(new PolicyProblem(
                    prefix + "name",
                    QuotedInput.of(environment.name())
                            + " is not a valid environment name; use 1 to 64 letters, digits, '.', '_' or '-',"
                            + " starting with a letter or digit"));
        } else {
            PortableName.problem(environment.name())
                    .ifPresent(reason -> problems.add(new PolicyProblem(
                            prefix + "name",
                            "'" + environment.name() + "' cannot be used as an environment name: " + reason
                                    + "; choose another name, such as production or staging-eu")));
        }
        if (environment.promotedFrom().contains(environment.name())) {
            problems.add(new PolicyProblem(prefix + "promotedFrom", "an environment cannot be promoted from itself"));
        }
        if (new HashSet<>(environment.promotedFrom()).size()
                != environment.promotedFrom().size()) {
            problems.add(new PolicyProblem(prefix + "promotedFrom", "lists an environment twice"));
        }
        rules(environment, prefix, problems);
        positive(prefix + "approvalValidity", environment.approvalValidity(), problems);
        positive(prefix + "gateTimeout", environment.gateTimeout(), problems);
        if (environment.soakTime().isNegative()) {
            problems.add(new PolicyProblem(prefix + "soakTime", "must not be negative; use 0 for no minimum"));
        }
        signature(environment.signature(), prefix + "signature", problems);
        for (int i = 0; i < environment.allowedBranches().size(); i++) {
            if (environment.allowedBranches().get(i) == null
                    || environment.allowedBranches().get(i).isBlank()) {
                problems.add(new PolicyProblem(
                        prefix + "allowedBranches[" + i + "]",
                        "is blank; write a branch name or a glob such as release/*"));
            } else if (environment.allowedBranches().get(i).trim().length() > BranchGlob.MAX_LENGTH) {
                problems.add(new PolicyProblem(
                        prefix + "allowedBranches[" + i + "]",
                        "is " + environment.allowedBranches().get(i).trim().length()
                                + " characters long; write a pattern of at most " + BranchGlob.MAX_LENGTH
                                + " characters, such as release/**"));
            }
        }
        for (int i = 0; i < environment.changeWindows().size(); i++) {
            WeeklyWindow window = environment.changeWindows().get(i);
            if (window.days().isEmpty() || window.start() == null || window.end() == null) {
                problems.add(new PolicyProblem(
                        prefix + "changeWindows[" + i + "]",
                        "needs days, a start and an end, like MON-FRI 09:00-17:00"));
            }
        }
        for (int i = 0; i < environment.freezes().size(); i++) {
            Freeze freeze = environment.freezes().get(i);
            if (freeze.from() == null || freeze.to() == null || !freeze.from().isBefore(freeze.to())) {
                problems.add(new PolicyProblem(
                        prefix + "freezes[" + i + "]", "needs a start ('from') before its end ('to')"));
            }
        }
        rollbackApprovals(environment, prefix, problems);
        if (environment.breakGlass().allowed()
                && environment.breakGlass().users().isEmpty()) {
            problems.add(new PolicyProblem(
                    prefix + "breakGlass.users",
                    "is empty although breakGlass.allowed is on; name who may break the glass, or turn it off"));
        }
        evidence(environment, prefix, problems);
        return problems;
    }

    /** Each kind of evidence once, but for external checks, which differ by name. */
    private static void evidence(Environment environment, String prefix, List<PolicyProblem> problems) {
        Set<String> labels = new HashSet<>();
        for (EvidenceRequirement requirement : environment.evidence()) {
            if (!labels.add(requirement.label())) {
                problems.add(new PolicyProblem(
                        prefix + "evidence",
                        "requires " + requirement.label() + " twice; keep one entry and put all its settings in it"));
            }
        }
    }

    /** @throws InvalidPolicyException listing every problem, if there is any */
    public static void requireValid(Environment environment, String prefix) {
        List<PolicyProblem> problems = problems(environment, prefix);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
    }

    private static void rules(Environment environment, String prefix, List<PolicyProblem> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < environment.approvalRules().size(); i++) {
            ApprovalRule rule = environment.approvalRules().get(i);
            String field = prefix + "approvalRules[" + i + "]";
            if (!rule.name().isEmpty() && !names.add(rule.name())) {
                problems.add(new PolicyProblem(
                        field + ".name", "'" + rule.name() + "' names two rules; give each rule its own name"));
            }
            if (rule.users().isEmpty() && rule.groups().isEmpty()) {
                problems.add(new PolicyProblem(
                        field, "names no users and no groups, so nobody could approve; add eligible users or groups"));
            }
            if (rule.count() < 1 || rule.count() > MAX_COUNT) {
                problems.add(
                        new PolicyProblem(field + ".count", rule.count() + " is out of range; use 1 to " + MAX_COUNT));
            } else if (rule.groups().isEmpty()
                    && !rule.users().isEmpty()
                    && rule.users().size() < rule.count()) {
                problems.add(new PolicyProblem(
                        field + ".count",
                        "requires " + rule.count() + " people but only "
                                + rule.users().size()
                                + " users are eligible; add users or groups, or lower the count"));
            }
        }
    }

    private static void rollbackApprovals(Environment environment, String prefix, List<PolicyProblem> problems) {
        Integer rollback = environment.rollbackApprovals();
        if (rollback == null) {
            return;
        }
        int required = environment.approvalRules().stream()
                .mapToInt(ApprovalRule::count)
                .sum();
        if (rollback < 0 || rollback > required) {
            problems.add(new PolicyProblem(
                    prefix + "rollbackApprovals",
                    rollback + " is out of range; use 0 (no approvals for a rollback) up to " + required
                            + " (the approvals approvalRules require), or leave it out so rollbacks need the rules"));
        }
    }

    private static void positive(String field, Duration duration, List<PolicyProblem> problems) {
        if (duration.isNegative() || duration.isZero()) {
            problems.add(new PolicyProblem(field, "must be longer than 0 seconds, such as 24h"));
        }
    }

    private static void signature(SignatureRequirement signature, String field, List<PolicyProblem> problems) {
        if (signature == null) {
            return;
        }
        if (signature.trustedKeys().isEmpty()) {
            problems.add(
                    new PolicyProblem(
                            field + ".trustedKeys",
                            "is empty, so no signature could be accepted; name at least one trusted key, or remove the signature requirement"));
        }
        if (signature.minimumRsaBits() < MIN_RSA_BITS || signature.minimumRsaBits() > MAX_RSA_BITS) {
            problems.add(new PolicyProblem(
                    field + ".minimumRsaBits",
                    signature.minimumRsaBits() + " is out of range; use " + MIN_RSA_BITS + " to " + MAX_RSA_BITS
                            + " (2048 or more recommended)"));
        }
    }
}
