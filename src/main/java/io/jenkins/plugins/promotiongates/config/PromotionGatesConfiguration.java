package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.NameList;
import io.jenkins.plugins.promotiongates.core.policy.PolicyProblem;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKeyCatalog;
import io.jenkins.plugins.promotiongates.core.sink.InvalidSinkException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.GlobalConfiguration;
import jenkins.model.GlobalConfigurationCategory;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Manage Jenkins → Security → Promotion Gates: the administrator-owned policy that pipelines
 * cannot weaken. Configuration-as-Code: {@code security: promotionGates: ...}.
 */
@Extension
@Symbol("promotionGates")
public final class PromotionGatesConfiguration extends GlobalConfiguration {

    private List<EnvironmentConfig> environments = new ArrayList<>();
    private List<TrustedKeyEntry> trustedKeys = new ArrayList<>();
    private String snapshotVariables = DEFAULT_SNAPSHOT_VARIABLES;
    private List<SinkConfig> sinks = new ArrayList<>();

    /** The variables a promotion's environment snapshot keeps unless the administrator says otherwise. */
    public static final String DEFAULT_SNAPSHOT_VARIABLES = "JAVA_HOME, NODE_NAME, GIT_COMMIT, BRANCH_NAME";

    public PromotionGatesConfiguration() {
        load();
    }

    public static @NonNull PromotionGatesConfiguration get() {
        return ExtensionList.lookupSingleton(PromotionGatesConfiguration.class);
    }

    @Override
    public @NonNull GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Security.class);
    }

    /** The environments and their policies, in the administrator's order. */
    public synchronized @NonNull List<EnvironmentConfig> getEnvironments() {
        return environments == null ? List.of() : List.copyOf(environments);
    }

    /**
     * Replaces the environments after the engine has validated all of them together.
     *
     * @throws InvalidPolicyException naming every problem; nothing is changed then
     */
    @DataBoundSetter
    public synchronized void setEnvironments(List<EnvironmentConfig> environments) {
        List<EnvironmentConfig> candidate = environments == null ? new ArrayList<>() : new ArrayList<>(environments);
        policyOf(candidate);
        this.environments = candidate;
        save();
    }

    /** The validated policy of every environment. */
    public PromotionPolicy policy() {
        return policyOf(getEnvironments());
    }

    private static PromotionPolicy policyOf(List<EnvironmentConfig> environments) {
        List<Environment> parsed = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (EnvironmentConfig environment : environments) {
            try {
                parsed.add(environment.toSettings().toEnvironment("environments[" + environment.getName() + "]"));
            } catch (InvalidPolicyException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new PromotionPolicy(parsed).requireValid();
    }

    /**
     * The saved policy of each environment in words, with its policy digest: the preview under the form.
     * Not a getter, so that Configuration-as-Code does not take it for a setting.
     */
    public List<PolicyPreview> previews() {
        return PolicyPreview.of(policy());
    }

    /** Keys that may sign artifacts, each a credential holding public key material. */
    public synchronized @NonNull List<TrustedKeyEntry> getTrustedKeys() {
        return trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
    }

    @DataBoundSetter
    public synchronized void setTrustedKeys(List<TrustedKeyEntry> trustedKeys) {
        this.trustedKeys = trustedKeys == null ? new ArrayList<>() : new ArrayList<>(trustedKeys);
        save();
    }

    /** The trusted keys by name, for resolving the names a Jenkinsfile asks for. */
    public TrustedKeyCatalog trustedKeyCatalog() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (TrustedKeyEntry entry : getTrustedKeys()) {
            byName.put(entry.getName(), entry.getCredentialsId());
        }
        return new TrustedKeyCatalog(byName);
    }

    /** Variable names (or {@code PREFIX_*}) that a promotion's environment snapshot keeps, comma-separated. */
    public @NonNull String getSnapshotVariables() {
        return snapshotVariables == null ? DEFAULT_SNAPSHOT_VARIABLES : snapshotVariables;
    }

    @DataBoundSetter
    public void setSnapshotVariables(String snapshotVariables) {
        this.snapshotVariables = NameList.format(NameList.parse(snapshotVariables));
        save();
    }

    /** The snapshot allowlist as names. */
    public List<String> snapshotAllowlist() {
        return NameList.parse(getSnapshotVariables());
    }

    /** Receivers outside the controller that get a copy of every audit event and checkpoint. */
    public synchronized @NonNull List<SinkConfig> getSinks() {
        return sinks == null ? List.of() : List.copyOf(sinks);
    }

    /**
     * Replaces the sinks after the engine has validated every one of them; saving restarts their senders.
     *
     * @throws InvalidSinkException naming every problem; nothing is changed then
     */
    @DataBoundSetter
    public void setSinks(List<SinkConfig> sinks) {
        List<SinkConfig> candidate = sinks == null ? new ArrayList<>() : new ArrayList<>(sinks);
        List<String> problems = new ArrayList<>();
        for (SinkConfig sink : candidate) {
            try {
                sink.toSettings("-");
            } catch (InvalidSinkException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSinkException(problems);
        }
        synchronized (this) {
            this.sinks = candidate;
            save();
        }
    }

    /** The credentials id the administrator configured for {@code environment}'s repository, or empty. */
    public @NonNull String repositoryCredentialsIdOf(String environment) {
        return getEnvironments().stream()
                .filter(e -> e.getName().equals(environment))
                .map(EnvironmentConfig::getRepositoryCredentialsId)
                .findFirst()
                .orElse("");
    }

    @Override
    public synchronized boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        List<EnvironmentConfig> previousEnvironments = environments;
        List<TrustedKeyEntry> previousTrustedKeys = trustedKeys;
        List<SinkConfig> previousSinks = sinks;
        // Form binding omits empty lists (and then calls no setter): reset them so that removing the
        // last entry works, and save below even when no setter ran.
        environments = new ArrayList<>();
        trustedKeys = new ArrayList<>();
        sinks = new ArrayList<>();
        try {
            boolean done = super.configure(req, json);
            save();
            return done;
        } catch (InvalidPolicyException | InvalidSinkException e) {
            // A refused policy changes nothing, in memory or on disk (a setter may have saved already).
            environments = previousEnvironments;
            trustedKeys = previousTrustedKeys;
            sinks = previousSinks;
            save();
            throw new FormException(e.getMessage(), e instanceof InvalidSinkException ? "sinks" : "environments");
        }
    }
}
