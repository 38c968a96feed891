package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AutoCompletionCandidates;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentFields;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import io.jenkins.plugins.promotiongates.core.promotion.repository.RepositoryConfig;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An environment as the administrator configures it. Holds the text of every setting; the engine's
 * {@link EnvironmentSettings} reads and validates it (docs/policies.md describes each setting).
 */
public final class EnvironmentConfig implements Describable<EnvironmentConfig> {

    private final String name;
    private String promotedFrom = "";
    private List<ApprovalRuleConfig> approvalRules = new ArrayList<>();
    private boolean starterMayNotApprove = true;
    private boolean changeAuthorsMayNotApprove = true;
    private boolean onePersonOneRule = true;
    private String approvalValidity = "24h";
    private String gateTimeout = "7d";
    private SignaturePolicyConfig signature;
    private String allowedBranches = "";
    private String timeZone = "UTC";
    private List<ChangeWindowConfig> changeWindows = new ArrayList<>();
    private List<FreezeConfig> freezes = new ArrayList<>();
    private List<EvidenceConfig> evidence = new ArrayList<>();
    private String soakTime = "0";
    private String repository = "";
    private String repositoryCredentialsId = "";
    private BreakGlassConfig breakGlass;
    private String rollbackApprovals = "";
    private String reminderBefore = "";
    private List<WebhookConfig> webhooks = new ArrayList<>();

    @DataBoundConstructor
    public EnvironmentConfig(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getPromotedFrom() {
        return promotedFrom;
    }

    @DataBoundSetter
    public void setPromotedFrom(String promotedFrom) {
        this.promotedFrom = promotedFrom;
    }

    public List<ApprovalRuleConfig> getApprovalRules() {
        return approvalRules == null ? List.of() : List.copyOf(approvalRules);
    }

    @DataBoundSetter
    public void setApprovalRules(List<ApprovalRuleConfig> approvalRules) {
        this.approvalRules = approvalRules == null ? new ArrayList<>() : new ArrayList<>(approvalRules);
    }

    public boolean isStarterMayNotApprove() {
        return starterMayNotApprove;
    }

    @DataBoundSetter
    public void setStarterMayNotApprove(boolean starterMayNotApprove) {
        this.starterMayNotApprove = starterMayNotApprove;
    }

    public boolean isChangeAuthorsMayNotApprove() {
        return changeAuthorsMayNotApprove;
    }

    @DataBoundSetter
    public void setChangeAuthorsMayNotApprove(boolean changeAuthorsMayNotApprove) {
        this.changeAuthorsMayNotApprove = changeAuthorsMayNotApprove;
    }

    public boolean isOnePersonOneRule() {
        return onePersonOneRule;
    }

    @DataBoundSetter
    public void setOnePersonOneRule(boolean onePersonOneRule) {
        this.onePersonOneRule = onePersonOneRule;
    }

    public String getApprovalValidity() {
        return approvalValidity;
    }

    @DataBoundSetter
    public void setApprovalValidity(String approvalValidity) {
        this.approvalValidity = approvalValidity;
    }

    public String getGateTimeout() {
        return gateTimeout;
    }

    @DataBoundSetter
    public void setGateTimeout(String gateTimeout) {
        this.gateTimeout = gateTimeout;
    }

    public @CheckForNull SignaturePolicyConfig getSignature() {
        return signature;
    }

    @DataBoundSetter
    public void setSignature(@CheckForNull SignaturePolicyConfig signature) {
        this.signature = signature;
    }

    public String getAllowedBranches() {
        return allowedBranches;
    }

    @DataBoundSetter
    public void setAllowedBranches(String allowedBranches) {
        this.allowedBranches = allowedBranches;
    }

    public String getTimeZone() {
        return timeZone;
    }

    @DataBoundSetter
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public List<ChangeWindowConfig> getChangeWindows() {
        return changeWindows == null ? List.of() : List.copyOf(changeWindows);
    }

    @DataBoundSetter
    public void setChangeWindows(List<ChangeWindowConfig> changeWindows) {
        this.changeWindows = changeWindows == null ? new ArrayList<>() : new ArrayList<>(changeWindows);
    }

    public List<FreezeConfig> getFreezes() {
        return freezes == null ? List.of() : List.copyOf(freezes);
    }

    @DataBoundSetter
    public void setFreezes(List<FreezeConfig> freezes) {
        this.freezes = freezes == null ? new ArrayList<>() : new ArrayList<>(freezes);
    }

    public String getSoakTime() {
        return soakTime;
    }

    @DataBoundSetter
    public void setSoakTime(String soakTime) {
        this.soakTime = soakTime;
    }

    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = repository;
    }

    /** The global credential for a Maven repository; not part of the policy, so not in its digest. */
    public String getRepositoryCredentialsId() {
        return repositoryCredentialsId == null ? "" : repositoryCredentialsId;
    }

    @DataBoundSetter
    public void setRepositoryCredentialsId(String repositoryCredentialsId) {
        this.repositoryCredentialsId = repositoryCredentialsId == null ? "" : repositoryCredentialsId.trim();
    }

    /** Break-glass, or {@code null} when nobody may break the glass (also for an older setting turned off). */
    public @CheckForNull BreakGlassConfig getBreakGlass() {
        return breakGlass == null || !breakGlass.isAllowed() ? null : breakGlass;
    }

    @DataBoundSetter
    public void setBreakGlass(@CheckForNull BreakGlassConfig breakGlass) {
        this.breakGlass = breakGlass;
    }

    public String getRollbackApprovals() {
        return rollbackApprovals;
    }

    @DataBoundSetter
    public void setRollbackApprovals(String rollbackApprovals) {
        this.rollbackApprovals = rollbackApprovals;
    }

    public List<EvidenceConfig> getEvidence() {
        return evidence == null ? List.of() : List.copyOf(evidence);
    }

    @DataBoundSetter
    public void setEvidence(List<EvidenceConfig> evidence) {
        this.evidence = evidence == null ? new ArrayList<>() : new ArrayList<>(evidence);
    }

    /**
     * How long before a gate's deadline the people asked to decide are reminded ({@code 4h}); empty for no
     * reminder. A notification setting, not part of the policy or its digest.
     */
    public String getReminderBefore() {
        return reminderBefore == null ? "" : reminderBefore;
    }

    @DataBoundSetter
    public void setReminderBefore(String reminderBefore) {
        this.reminderBefore = reminderBefore == null ? "" : reminderBefore.trim();
    }

    /** URLs that receive this environment's gate events, signed; not part of the policy or its digest. */
    public List<WebhookConfig> getWebhooks() {
        return webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    @DataBoundSetter
    public void setWebhooks(List<WebhookConfig> webhooks) {
        this.webhooks = webhooks == null ? new ArrayList<>() : new ArrayList<>(webhooks);
    }

    /**
     * The settings as the engine reads them.
     *
     * @throws InvalidPolicyException naming the notification setting that cannot be used (the policy's own
     *     settings are checked by the engine when it reads them)
     */
    public EnvironmentSettings toSettings() {
        EnvironmentNotifications.check(this);
        return new EnvironmentSettings(
                name,
                promotedFrom,
                getApprovalRules().stream().map(ApprovalRuleConfig::toSettings).toList(),
                starterMayNotApprove,
                changeAuthorsMayNotApprove,
                onePersonOneRule,
                approvalValidity,
                gateTimeout,
                signature == null ? null : signature.toSettings(),
                allowedBranches,
                timeZone,
                getChangeWindows().stream().map(ChangeWindowConfig::toSettings).toList(),
                getFreezes().stream().map(FreezeConfig::toSettings).toList(),
                soakTime,
                repository,
                breakGlass == null ? null : breakGlass.toSettings(),
                rollbackApprovals,
                getEvidence().stream().map(EvidenceConfig::toSettings).toList());
    }

    @Extension
    @Symbol("environment")
    public static final class DescriptorImpl extends Descriptor<EnvironmentConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.EnvironmentConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.name(value));
        }

        @POST
        public FormValidation doCheckPromotedFrom(@QueryParameter String value, @QueryParameter String name) {
            return FormChecks.errorOrWarning(
                    () -> EnvironmentFields.promotedFrom(name, value),
                    () -> EnvironmentFields.unknownNames("environment", value, FormChecks.environmentNames()));
        }

        /** The other environments' names, for the one being typed in the comma-separated list. */
        @POST
        public AutoCompletionCandidates doAutoCompletePromotedFrom(@QueryParameter String value) {
            return FormChecks.completions(value, FormChecks.environmentNames());
        }

        @POST
        public FormValidation doCheckApprovalValidity(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.approvalValidity(value));
        }

        @POST
        public FormValidation doCheckGateTimeout(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.gateTimeout(value));
        }

        @POST
        public FormValidation doCheckAllowedBranches(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.allowedBranches(value));
        }

        @POST
        public FormValidation doCheckTimeZone(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.timeZone(value));
        }

        /** Every time zone id, sorted; a saved value the JVM does not list (an offset) is kept first. */
        @POST
        public ListBoxModel doFillTimeZoneItems(@QueryParameter String timeZone) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel items = new ListBoxModel();
            List<String> zones = EnvironmentFields.timeZones();
            if (timeZone != null && !timeZone.isBlank() && !zones.contains(timeZone)) {
                items.add(timeZone);
            }
            zones.forEach(items::add);
            return items;
        }

        @POST
        public FormValidation doCheckSoakTime(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.soakTime(value));
        }

        /** The promotion refuses a repository it cannot read; saving does not open it, so this warns. */
        @POST
        public FormValidation doCheckRepository(@QueryParameter String value) {
            return FormChecks.errorOrWarning(() -> null, () -> {
                try {
                    RepositoryConfig.parse(value, "repository");
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            });
        }

        @POST
        public FormValidation doCheckRollbackApprovals(@QueryParameter String value) {
            return FormChecks.error(() -> EnvironmentFields.rollbackApprovals(value));
        }

        @POST
        public ListBoxModel doFillRepositoryCredentialsIdItems(@QueryParameter String repositoryCredentialsId) {
            return RepositoryCredentials.choices(repositoryCredentialsId);
        }
    }
}
