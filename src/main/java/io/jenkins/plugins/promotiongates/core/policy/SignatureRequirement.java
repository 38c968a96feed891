package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.util.Set;

/**
 * What a signature must be for an artifact to enter an environment. An environment without a
 * signature requirement ({@code null}) needs no signature.
 *
 * @param trustedKeys names of the administrator's trusted keys whose signatures are accepted; at least one
 * @param minimumRsaBits smallest RSA modulus accepted, 2048 unless the administrator lowers it
 * @param minimumHash weakest message digest accepted, {@link SignatureHash#SHA256} by default
 */
public record SignatureRequirement(Set<String> trustedKeys, int minimumRsaBits, SignatureHash minimumHash)
        implements Serializable {

    public static final int DEFAULT_MINIMUM_RSA_BITS = 2048;

    public SignatureRequirement {
        trustedKeys = ApprovalRule.sorted(trustedKeys);
        minimumHash = minimumHash == null ? SignatureHash.SHA256 : minimumHash;
    }

    /** Trusted keys with the default algorithm floor. */
    public static SignatureRequirement of(Set<String> trustedKeys) {
        return new SignatureRequirement(trustedKeys, DEFAULT_MINIMUM_RSA_BITS, SignatureHash.SHA256);
    }
}
