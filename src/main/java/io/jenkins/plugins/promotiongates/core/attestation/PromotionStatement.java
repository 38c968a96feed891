package io.jenkins.plugins.promotiongates.core.attestation;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the controller states about one promotion, as plain values: the release's files, which
 * release of which application entered which environment, under which effective policy, through
 * which preconditions, where it was published, by which controller and when. {@link StatementJson} writes
 * it as an in-toto Statement v1 with a SLSA Verification Summary v1 predicate; docs/attestations.md
 * shows the JSON, field by field.
 *
 * @param subjects the release's files, each name once; at least one
 * @param application the application's name
 * @param version the release's version
 * @param environment the environment the release entered
 * @param releaseDigest the release's digest (SHA-256 of its canonical manifest)
 * @param policyUri where the policy is defined (VSA {@code policy.uri}), an absolute URI
 * @param policyDigest the effective policy digest, 64 lower-case hexadecimal digits, as in the audit events
 * @param gates the preconditions that passed, by their engine names ({@code path}, {@code changeWindow}...), each once
 * @param verifierId this controller, as an absolute URI (its root URL; VSA {@code verifier.id})
 * @param resourceUri where the release was published (VSA {@code resourceUri}), an absolute URI
 * @param timeVerified when the preconditions were evaluated and passed
 */
public record PromotionStatement(
        List<AttestationSubject> subjects,
        String application,
        String version,
        String environment,
        ArtifactDigest releaseDigest,
        String policyUri,
        String policyDigest,
        List<String> gates,
        String verifierId,
        String resourceUri,
        Instant timeVerified) {

    /**
     * @throws IllegalArgumentException naming the first value refused, why, and what to give instead
     */
    public PromotionStatement {
        subjects = checkedSubjects(subjects);
        requireText(application, "application");
        requireText(version, "version");
        requireText(environment, "environment");
        if (releaseDigest == null || releaseDigest.algorithm() != DigestAlgorithm.SHA256) {
            throw new IllegalArgumentException("The release digest must be a sha256 digest, not '"
                    + ArtifactDigest.text(releaseDigest) + "': it is the SHA-256 of the release's manifest.");
        }
        requireUri(policyUri, "policy URI");
        if (!Sha256.isHex(policyDigest)) {
            throw new IllegalArgumentException("The policy digest '" + policyDigest + "' is not 64 lower-case"
                    + " hexadecimal digits; give the effective policy's digest as the audit events record it.");
        }
        gates = PreconditionLevels.checked(gates);
        requireUri(verifierId, "verifier id");
        requireUri(resourceUri, "resource URI");
        if (timeVerified == null) {
            throw new IllegalArgumentException("The time of verification is missing; give the time the gates passed.");
        }
    }

    private static List<AttestationSubject> checkedSubjects(List<AttestationSubject> subjects) {
        if (subjects == null || subjects.isEmpty()) {
            throw new IllegalArgumentException(
                    "An attestation needs at least one subject: the release's files with their SHA-256.");
        }
        Set<String> names = new HashSet<>();
        for (AttestationSubject subject : subjects) {
            if (subject == null) {
                throw new IllegalArgumentException("An attestation subject is missing (null) in the list of files.");
            }
            if (!names.add(subject.name())) {
                throw new IllegalArgumentException("File '" + subject.name() + "' is listed twice among the"
                        + " attestation's subjects; a release names each file once.");
            }
        }
        return List.copyOf(subjects);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "The " + what + " of an attestation is empty; give the " + what + " of the promoted release.");
        }
    }

    private static void requireUri(String value, String what) {
        String given = value == null ? "" : value;
        try {
            if (new URI(given).isAbsolute()) {
                return;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException("The " + what + " '" + given + "' is not an absolute URI; give one with"
                + " a scheme, such as https://jenkins.example.com/ or file:/srv/releases/production/.");
    }
}
