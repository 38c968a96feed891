package io.jenkins.plugins.promotiongates.config;

import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One kind of evidence an environment requires before a release enters it (Manage Jenkins → Security →
 * Promotion Gates → an environment → Evidence). The fields are text as the administrator typed them; the
 * engine's {@link io.jenkins.plugins.promotiongates.core.policy.EvidenceRequirement} validates them.
 */
public abstract class EvidenceConfig implements Describable<EvidenceConfig> {

    /** Which kind this is. */
    protected abstract EvidenceKind kind();

    /** Each setting by its name in the policy; blank values are dropped by the engine. */
    protected abstract void settings(Map<String, Object> settings);

    /** The kind and settings as typed, for the engine. */
    public EnvironmentSettings.EvidenceSettings toSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings(settings);
        return new EnvironmentSettings.EvidenceSettings(kind(), settings);
    }

    /** The descriptor of every kind of evidence. */
    public abstract static class EvidenceDescriptor extends Descriptor<EvidenceConfig> {}
}
