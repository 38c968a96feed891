package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKeyCatalog;
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

    private List<TrustedKeyEntry> trustedKeys = new ArrayList<>();

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

    /** Keys that may sign artifacts, each a credential holding public key material. */
    public @NonNull List<TrustedKeyEntry> getTrustedKeys() {
        return trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
    }

    @DataBoundSetter
    public void setTrustedKeys(List<TrustedKeyEntry> trustedKeys) {
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

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // Form binding omits empty lists: reset them so that removing the last entry works.
        trustedKeys = new ArrayList<>();
        return super.configure(req, json);
    }
}
