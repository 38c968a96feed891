package io.jenkins.plugins.promotiongates.core.signature.verification;

import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import java.util.List;
import java.util.Optional;

/**
 * A verification as the step asks for it: paths relative to the workspace, not yet resolved.
 *
 * @param artifact the artifact's path relative to the workspace
 * @param signature the signature file's path relative to the workspace
 * @param checksumList a checksum list (such as {@code SHA256SUMS}) that {@code signature} signs and
 *     that names the artifact; empty when {@code signature} is over the artifact itself
 * @param trustedKeys the keys allowed to sign
 * @param format the signature's format; empty means detect it
 * @param policy the algorithm floor
 * @param namespace SSHSIG namespace; empty means {@code file}
 * @param identity expected signer identity; empty means any trusted key
 */
public record SignatureCheck(
        String artifact,
        String signature,
        Optional<String> checksumList,
        List<TrustedKey> trustedKeys,
        Optional<SignatureFormat> format,
        AlgorithmPolicy policy,
        Optional<String> namespace,
        Optional<String> identity) {

    public SignatureCheck {
        trustedKeys = List.copyOf(trustedKeys);
    }
}
