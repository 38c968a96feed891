package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationSigner;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationSubject;
import io.jenkins.plugins.promotiongates.core.attestation.DsseEnvelope;
import io.jenkins.plugins.promotiongates.core.attestation.PromotionStatement;
import io.jenkins.plugins.promotiongates.core.release.Release;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;

/**
 * Signs the attestation of each promotion with the controller's key: an in-toto Statement whose subjects
 * are the release's files and whose predicate says that this controller verified the release under the
 * target's effective policy, with the preconditions that passed (docs/attestations.md).
 */
public final class PromotionAttestor {

    private final AttestationSigner signer;
    private final String verifierId;
    private final String policyUri;

    /**
     * @param controllerKey the controller's Ed25519 key pair, the one that signs the ledger's checkpoints
     * @param verifierId this controller: its root URL, an absolute URI
     * @param policyUri where the policies are defined, an absolute URI
     */
    public PromotionAttestor(KeyPair controllerKey, String verifierId, String policyUri) {
        this.signer = new AttestationSigner(controllerKey);
        this.verifierId = verifierId;
        this.policyUri = policyUri;
    }

    /**
     * The attestor of a controller: its verifier id is its root URL, and the policies are on its security
     * configuration page; a controller whose root URL is not configured is named
     * {@code urn:promotion-gates:controller:<SHA-256 of its public key>} instead, which still names it
     * uniquely (configure the root URL in Manage Jenkins for a readable id).
     *
     * @param rootUrl the controller's root URL, such as {@code https://jenkins.example.com/}; {@code null}
     *     when not configured
     */
    public static PromotionAttestor forController(KeyPair controllerKey, String rootUrl) {
        if (rootUrl == null || rootUrl.isBlank()) {
            String id = "urn:promotion-gates:controller:"
                    + Sha256.hex(controllerKey.getPublic().getEncoded());
            return new PromotionAttestor(controllerKey, id, id + ":policy");
        }
        String root = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
        return new PromotionAttestor(controllerKey, root, root + "manage/configureSecurity/");
    }

    /**
     * The signed attestation of a promotion whose every precondition passed.
     *
     * @param location where the release is published: a URL, {@code record-only:...}, or a file path
     * @throws IllegalArgumentException if a precondition failed, or a value cannot go into an attestation
     */
    public DsseEnvelope attest(Evaluation evaluation, String location, Instant time) {
        if (!evaluation.passed()) {
            throw new IllegalArgumentException("only a promotion whose every gate passed is attested");
        }
        Release release = evaluation.release();
        return signer.sign(new PromotionStatement(
                release.files().stream()
                        .map(file -> new AttestationSubject(file.name(), file.digest()))
                        .toList(),
                release.application(),
                release.version(),
                evaluation.to(),
                release.digest(),
                policyUri,
                evaluation.policyDigest(),
                evaluation.results().stream()
                        .map(result -> result.precondition().label())
                        .toList(),
                verifierId,
                resourceUri(location),
                time));
    }

    /** A location as an absolute URI: URLs and {@code record-only:} as they are, a file path as a {@code file:} URI. */
    static String resourceUri(String location) {
        try {
            URI uri = new URI(location);
            if (uri.isAbsolute() && uri.getScheme().length() > 1) {
                return location;
            }
        } catch (URISyntaxException e) {
            // a file path with characters a URI escapes
        }
        return Path.of(location).toUri().toString();
    }
}
