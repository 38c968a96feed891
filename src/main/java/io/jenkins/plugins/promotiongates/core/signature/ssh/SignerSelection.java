package io.jenkins.plugins.promotiongates.core.signature.ssh;

import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the trusted SSH key that allows a signature: same key, namespace allowed, requested
 * principal allowed, valid now. When none does, the message says which condition failed.
 */
final class SignerSelection {

    private final Clock clock;

    SignerSelection(Clock clock) {
        this.clock = clock;
    }

    AllowedSigner select(SshPublicKey signingKey, String namespace, VerifierInput input)
            throws SignatureRejectedException {
        List<AllowedSigner> all = new AllowedSignersParser(clock.getZone()).parse(input.trustedKeys());
        if (all.isEmpty()) {
            throw new SignatureRejectedException(
                    "none of the trusted keys (" + names(input) + ") is an SSH public key or allowed_signers file",
                    "Add the signer's .pub key or an allowed_signers file as a trusted key.");
        }
        List<AllowedSigner> sameKey = new ArrayList<>();
        for (AllowedSigner signer : all) {
            if (signingKey.sameKeyAs(signer.keyBlob())) {
                sameKey.add(signer);
            }
        }
        if (sameKey.isEmpty()) {
            throw new SignatureRejectedException(
                    "it was made by SSH key " + signingKey.fingerprint() + ", which is not among the trusted keys ("
                            + names(input) + ")",
                    "Sign with a trusted key, or add the signer's key to the allowed signers if it should be trusted.");
        }
        String principal = input.identity().orElse(null);
        Instant now = clock.instant();
        List<String> reasons = new ArrayList<>();
        for (AllowedSigner signer : sameKey) {
            String reason = refusal(signer, principal, namespace, now);
            if (reason == null) {
                return signer;
            }
            reasons.add(reason);
        }
        throw new SignatureRejectedException(
                "the signing key " + signingKey.fingerprint() + " is trusted, but " + String.join("; ", reasons),
                "Fix the allowed_signers entry or the step's identity/namespace parameters.");
    }

    private static String refusal(AllowedSigner signer, String principal, String namespace, Instant now) {
        if (principal != null && signer.isBareKey()) {
            return signer.source() + " is a bare public key without principals, so identity '" + principal
                    + "' cannot be checked (use an allowed_signers file)";
        }
        if (principal != null && !signer.allowsPrincipal(principal)) {
            return signer.source() + " does not allow principal '" + principal + "' (it allows "
                    + String.join(",", signer.principals()) + ")";
        }
        if (!signer.allowsNamespace(namespace)) {
            return signer.source() + " does not allow namespace '" + namespace + "' (namespaces=\""
                    + String.join(",", signer.namespaces()) + "\")";
        }
        if (!signer.validAt(now)) {
            return signer.source() + " is not valid now (" + now + "; valid-after "
                    + signer.validAfter().map(Instant::toString).orElse("-") + ", valid-before "
                    + signer.validBefore().map(Instant::toString).orElse("-") + ")";
        }
        return null;
    }

    private static String names(VerifierInput input) {
        return input.trustedKeys().stream().map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
    }
}
