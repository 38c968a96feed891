package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceFields;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A scan finding accepted until a date, by a named person, for a stated reason. It is part of the policy,
 * so its digest covers it, and every verdict that relies on it says so.
 */
public final class AcceptedFindingConfig implements Describable<AcceptedFindingConfig> {

    private final String ruleId;
    private final String until;
    private final String acceptedBy;
    private final String reason;
    private String location = "";
    private String fingerprint = "";

    @DataBoundConstructor
    public AcceptedFindingConfig(String ruleId, String until, String acceptedBy, String reason) {
        this.ruleId = ruleId;
        this.until = until;
        this.acceptedBy = acceptedBy;
        this.reason = reason;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getUntil() {
        return until;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public String getReason() {
        return reason;
    }

    public String getLocation() {
        return location;
    }

    @DataBoundSetter
    public void setLocation(String location) {
        this.location = location;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    @DataBoundSetter
    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    Map<String, Object> toSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ruleId", ruleId);
        settings.put("location", location);
        settings.put("fingerprint", fingerprint);
        settings.put("until", until);
        settings.put("acceptedBy", acceptedBy);
        settings.put("reason", reason);
        return settings;
    }

    @Extension
    @Symbol("acceptedFinding")
    public static final class DescriptorImpl extends Descriptor<AcceptedFindingConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AcceptedFindingConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckRuleId(@QueryParameter String value) {
            return FormChecks.error(
                    () -> EvidenceFields.findingProblem("ruleId", value).orElse(null));
        }

        @POST
        public FormValidation doCheckUntil(@QueryParameter String value) {
            return FormChecks.error(
                    () -> EvidenceFields.findingProblem("until", value).orElse(null));
        }

        @POST
        public FormValidation doCheckAcceptedBy(@QueryParameter String value) {
            return FormChecks.error(
                    () -> EvidenceFields.findingProblem("acceptedBy", value).orElse(null));
        }

        @POST
        public FormValidation doCheckReason(@QueryParameter String value) {
            return FormChecks.error(
                    () -> EvidenceFields.findingProblem("reason", value).orElse(null));
        }
    }
}
