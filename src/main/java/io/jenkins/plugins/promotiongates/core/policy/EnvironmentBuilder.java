package io.jenkins.plugins.promotiongates.core.policy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Fluent construction of an {@link Environment}, starting from the defaults. */
public final class EnvironmentBuilder {

    private final String name;
    private List<String> promotedFrom = List.of();
    private List<ApprovalRule> approvalRules = List.of();
    private boolean starterMayNotApprove = true;
    private boolean changeAuthorsMayNotApprove = true;
    private boolean onePersonOneRule = true;
    private Duration approvalValidity = Environment.DEFAULT_APPROVAL_VALIDITY;
    private Duration gateTimeout = Environment.DEFAULT_GATE_TIMEOUT;
    private SignatureRequirement signature;
    private List<String> allowedBranches = List.of();
    private ZoneId timeZone;
    private List<WeeklyWindow> changeWindows = List.of();
    private List<Freeze> freezes = List.of();
    private Duration soakTime = Duration.ZERO;
    private String repository = "";
    private BreakGlass breakGlass = BreakGlass.FORBIDDEN;
    private Integer rollbackApprovals;
    private List<EvidenceRequirement> evidence = List.of();

    EnvironmentBuilder(String name) {
        this.name = name;
    }

    EnvironmentBuilder(Environment e) {
        this.name = e.name();
        this.promotedFrom = e.promotedFrom();
        this.approvalRules = e.approvalRules();
        this.starterMayNotApprove = e.starterMayNotApprove();
        this.changeAuthorsMayNotApprove = e.changeAuthorsMayNotApprove();
        this.onePersonOneRule = e.onePersonOneRule();
        this.approvalValidity = e.approvalValidity();
        this.gateTimeout = e.gateTimeout();
        this.signature = e.signature();
        this.allowedBranches = e.allowedBranches();
        this.timeZone = e.timeZone();
        this.changeWindows = e.changeWindows();
        this.freezes = e.freezes();
        this.soakTime = e.soakTime();
        this.repository = e.repository();
        this.breakGlass = e.breakGlass();
        this.rollbackApprovals = e.rollbackApprovals();
        this.evidence = e.evidence();
    }

    public EnvironmentBuilder promotedFrom(String... sources) {
        this.promotedFrom = List.of(sources);
        return this;
    }

    public EnvironmentBuilder promotedFrom(List<String> sources) {
        this.promotedFrom = sources;
        return this;
    }

    public EnvironmentBuilder approvalRules(List<ApprovalRule> rules) {
        this.approvalRules = rules;
        return this;
    }

    public EnvironmentBuilder rule(ApprovalRule rule) {
        List<ApprovalRule> rules = new ArrayList<>(approvalRules);
        rules.add(rule);
        this.approvalRules = rules;
        return this;
    }

    public EnvironmentBuilder starterMayNotApprove(boolean value) {
        this.starterMayNotApprove = value;
        return this;
    }

    public EnvironmentBuilder changeAuthorsMayNotApprove(boolean value) {
        this.changeAuthorsMayNotApprove = value;
        return this;
    }

    public EnvironmentBuilder onePersonOneRule(boolean value) {
        this.onePersonOneRule = value;
        return this;
    }

    public EnvironmentBuilder approvalValidity(Duration value) {
        this.approvalValidity = value;
        return this;
    }

    public EnvironmentBuilder gateTimeout(Duration value) {
        this.gateTimeout = value;
        return this;
    }

    public EnvironmentBuilder signature(SignatureRequirement value) {
        this.signature = value;
        return this;
    }

    public EnvironmentBuilder allowedBranches(String... patterns) {
        this.allowedBranches = List.of(patterns);
        return this;
    }

    public EnvironmentBuilder allowedBranches(List<String> patterns) {
        this.allowedBranches = patterns;
        return this;
    }

    public EnvironmentBuilder timeZone(ZoneId value) {
        this.timeZone = value;
        return this;
    }

    public EnvironmentBuilder changeWindows(List<WeeklyWindow> windows) {
        this.changeWindows = windows;
        return this;
    }

    public EnvironmentBuilder freezes(List<Freeze> periods) {
        this.freezes = periods;
        return this;
    }

    public EnvironmentBuilder soakTime(Duration value) {
        this.soakTime = value;
        return this;
    }

    public EnvironmentBuilder repository(String value) {
        this.repository = value;
        return this;
    }

    public EnvironmentBuilder breakGlass(BreakGlass value) {
        this.breakGlass = value;
        return this;
    }

    /** Approvals a rollback needs instead of the rules; {@code null} (the default) keeps the rules. */
    public EnvironmentBuilder rollbackApprovals(Integer value) {
        this.rollbackApprovals = value;
        return this;
    }

    /** The evidence a release must show; empty (the default) for none. */
    public EnvironmentBuilder evidence(List<EvidenceRequirement> value) {
        this.evidence = value;
        return this;
    }

    public Environment build() {
        return new Environment(
                name,
                promotedFrom,
                approvalRules,
                starterMayNotApprove,
                changeAuthorsMayNotApprove,
                onePersonOneRule,
                approvalValidity,
                gateTimeout,
                signature,
                allowedBranches,
                timeZone,
                changeWindows,
                freezes,
                soakTime,
                repository,
                breakGlass,
                rollbackApprovals,
                evidence);
    }
}
