package io.jenkins.plugins.promotiongates.core.signature.ssh;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One trusted SSH key: a line of an allowed_signers file ({@code principals [options] type key}) or
 * a bare public key line ({@code type key comment}, no principals: any identity is refused).
 *
 * @param trustedKeyName the trusted key it came from
 * @param lineNumber its line in that key file
 * @param principals the principal patterns; empty for a bare key
 * @param namespaces the {@code namespaces="..."} patterns; empty means any namespace
 * @param validAfter the {@code valid-after} time, if given
 * @param validBefore the {@code valid-before} time, if given
 * @param keyBlob the public key's wire encoding, compared byte for byte with the signature's key
 */
record AllowedSigner(
        String trustedKeyName,
        int lineNumber,
        List<String> principals,
        List<String> namespaces,
        Optional<Instant> validAfter,
        Optional<Instant> validBefore,
        byte[] keyBlob) {

    AllowedSigner {
        principals = List.copyOf(principals);
        namespaces = List.copyOf(namespaces);
        keyBlob = keyBlob.clone();
    }

    @Override
    public byte[] keyBlob() {
        return keyBlob.clone();
    }

    /** Where it came from, for messages. */
    String source() {
        return "trusted key '" + trustedKeyName + "' line " + lineNumber;
    }

    boolean isBareKey() {
        return principals.isEmpty();
    }

    boolean allowsNamespace(String namespace) {
        return namespaces.isEmpty() || SshPatterns.matchesList(namespaces, namespace);
    }

    boolean allowsPrincipal(String principal) {
        return SshPatterns.matchesList(principals, principal);
    }

    boolean validAt(Instant now) {
        return validAfter.map(after -> !now.isBefore(after)).orElse(true)
                && validBefore.map(now::isBefore).orElse(true);
    }
}
