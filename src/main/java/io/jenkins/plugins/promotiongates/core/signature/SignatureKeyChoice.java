package io.jenkins.plugins.promotiongates.core.signature;

import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.SignatureHash;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which keys a signature verification accepts, once the target environment's signature policy is
 * applied to what the Jenkinsfile asked for. Tighten-only: a Jenkinsfile may narrow the
 * environment's trusted keys, never add a key of its own.
 *
 * @param environment the environment whose policy applies, or empty
 * @param trustedKeyNames names of the administrator's trusted keys to load
 * @param jobKeyAllowed whether a job-supplied credential may be used too
 * @param algorithmPolicy the algorithm floor
 * @param originRequired whether a checksum alone (integrity, no signer) is not enough
 * @param policyDigest the environment's policy digest, for the audit; empty without an environment
 */
public record SignatureKeyChoice(
        String environment,
        List<String> trustedKeyNames,
        boolean jobKeyAllowed,
        AlgorithmPolicy algorithmPolicy,
        boolean originRequired,
        String policyDigest) {

    public SignatureKeyChoice {
        trustedKeyNames = List.copyOf(trustedKeyNames);
    }

    /**
     * @param environment the target environment, or {@code null} when the step names none
     * @param requested trusted-key names the Jenkinsfile gave; {@code null} or empty when it gave none
     * @param jobKeyGiven whether the Jenkinsfile gave a key credential of its own
     * @throws InvalidPolicyException naming the environment setting that forbids the request
     */
    public static SignatureKeyChoice of(Environment environment, List<String> requested, boolean jobKeyGiven) {
        if (requested == null) {
            requested = List.of();
        }
        for (String key : requested) {
            if (key == null || key.isBlank()) {
                throw new InvalidPolicyException(
                        "trustedKeys",
                        "contains a blank key name; name trusted keys as the administrator configured them,"
                                + " such as trustedKeys: 'release-team', or leave trustedKeys out");
            }
        }
        SignatureRequirement requirement = environment == null ? null : environment.signature();
        String name = environment == null ? "" : environment.name();
        if (requirement == null) {
            String digest = environment == null ? "" : new EffectivePolicy(environment, Set.of()).digest();
            return new SignatureKeyChoice(name, requested, true, AlgorithmPolicy.DEFAULT, false, digest);
        }
        String field = "environments[" + name + "].signature.trustedKeys";
        if (jobKeyGiven) {
            throw new InvalidPolicyException(
                    field,
                    "environment '" + name + "' accepts only signatures by its trusted keys ("
                            + String.join(", ", requirement.trustedKeys())
                            + "); a job's own key (keyCredentialsId) cannot"
                            + " satisfy it. Remove keyCredentialsId, or sign with one of those keys");
        }
        List<String> outside = new ArrayList<>(requested);
        outside.removeAll(requirement.trustedKeys());
        if (!outside.isEmpty()) {
            throw new InvalidPolicyException(
                    field,
                    "trustedKeys " + outside + " are not among environment '" + name
                            + "''s trusted keys (" + String.join(", ", requirement.trustedKeys())
                            + "). A Jenkinsfile may"
                            + " narrow them, not add to them");
        }
        List<String> names = requested.isEmpty() ? List.copyOf(requirement.trustedKeys()) : requested;
        SignatureHash minimum = requirement.minimumHash();
        AlgorithmPolicy floor = new AlgorithmPolicy(
                requirement.minimumRsaBits(),
                minimum == SignatureHash.SHA1,
                false,
                minimum == SignatureHash.SHA1
                        ? 224
                        : Integer.parseInt(minimum.name().substring(3)));
        return new SignatureKeyChoice(
                name, names, false, floor, true, new EffectivePolicy(environment, Set.of()).digest());
    }

    /**
     * The verdict under this choice: a checksum that proves integrity but names no signer does not
     * satisfy an environment that requires a signature.
     */
    public Verification judge(Verification verification) {
        if (!originRequired
                || !verification.verified()
                || !verification.trustedKey().isEmpty()) {
            return verification;
        }
        return new Verification(
                false,
                verification.format(),
                verification.algorithm(),
                verification.artifactDigest(),
                verification.artifactSize(),
                "",
                "",
                "",
                verification.warnings(),
                "Environment '" + environment + "' requires a signature by one of " + trustedKeyNames
                        + ", but the " + verification.format().label() + " check proves integrity only, not who"
                        + " made the artifact. Sign the artifact (or the checksum list) with one of those keys.");
    }
}
