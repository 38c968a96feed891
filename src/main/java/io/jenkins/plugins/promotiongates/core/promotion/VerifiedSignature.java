package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.signature.Verification;

/**
 * A {@code verifySignature} result of this run, with the trusted key (its configured name, the
 * credentials id) whose key verified it. Only the glue knows which named key matched.
 *
 * @param trustedKey the trusted key's name, as in {@code signature.trustedKeys}
 * @param verification the verification
 */
public record VerifiedSignature(String trustedKey, Verification verification) {

    public VerifiedSignature {
        trustedKey = trustedKey == null ? "" : trustedKey;
    }
}
