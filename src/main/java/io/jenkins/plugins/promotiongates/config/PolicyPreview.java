package io.jenkins.plugins.promotiongates.config;

import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.PolicyInWords;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.runs.RealmIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * One saved environment as the administrator's preview shows it: the effective policy a gate gets when
 * its pipeline asks for nothing more (ids normalized as the security realm compares them), in words, and
 * the policy digest every gate and audit event of it carries.
 */
public final class PolicyPreview {

    private final String environment;
    private final List<String> sentences;
    private final String digest;

    private PolicyPreview(String environment, List<String> sentences, String digest) {
        this.environment = environment;
        this.sentences = List.copyOf(sentences);
        this.digest = digest;
    }

    /** Each environment of {@code policy}, in the administrator's order. */
    static List<PolicyPreview> of(PromotionPolicy policy) {
        IdNormalizer ids = RealmIdentity.ids();
        PolicyTightener tightener = new PolicyTightener(ids, GroupDirectory.NONE);
        List<PolicyPreview> previews = new ArrayList<>();
        for (Environment environment : policy.environments()) {
            try {
                EffectivePolicy effective = tightener.effective(environment, Tightening.NONE);
                previews.add(new PolicyPreview(environment.name(), PolicyInWords.of(effective), effective.digest()));
            } catch (InvalidPolicyException e) {
                previews.add(new PolicyPreview(environment.name(), List.of(e.getMessage()), ""));
            }
        }
        return previews;
    }

    public String getEnvironment() {
        return environment;
    }

    /** The effective policy in plain sentences. */
    public List<String> getSentences() {
        return sentences;
    }

    /** The policy digest: lower-case hex SHA-256 of the canonical policy JSON; empty if the policy is refused. */
    public String getDigest() {
        return digest;
    }
}
