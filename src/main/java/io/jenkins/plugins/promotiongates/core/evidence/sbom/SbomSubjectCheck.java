package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceProblems;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an SBOM describes this release: the SHA-256 it gives for its subject ({@code metadata.component}
 * hashes) must be the digest of one of the release's files, other than the SBOM itself. Digests are
 * compared through {@link ArtifactDigest#matches}, in constant time.
 *
 * @param required whether an SBOM that names no SHA-256 of its subject fails
 */
record SbomSubjectCheck(boolean required) {

    /**
     * Adds a problem when the subject is not one of the release's files (or, when required, is not named
     * by digest).
     *
     * @return how the subject was found, for the passing message
     */
    String check(Sbom sbom, EvidenceDocument document, Release release, EvidenceProblems problems) {
        String subject = sbom.subject().isEmpty() ? "its subject" : "its subject " + QuotedInput.of(sbom.subject());
        if (sbom.subjectSha256().isEmpty()) {
            if (required) {
                problems.add(
                        "the SBOM '" + document.name() + "' names no SHA-256 of " + subject,
                        "generate the SBOM from the built artifact, with a generator that records its SHA-256 in"
                                + " metadata.component.hashes");
            }
            return "subject not named by digest";
        }
        for (String hex : sbom.subjectSha256()) {
            Optional<ReleaseFile> file = fileWithDigest(hex, document, release);
            if (file.isPresent()) {
                return "subject is the release file '" + file.get().name() + "'";
            }
        }
        problems.add(
                "the SBOM '" + document.name() + "' describes " + subject + " with SHA-256 "
                        + sbom.subjectSha256().stream().map(QuotedInput::of).collect(Collectors.joining(", "))
                        + ", which is none of the release's files ("
                        + release.files().stream()
                                .map(f -> f.name() + " " + f.digest())
                                .collect(Collectors.joining(", "))
                        + ")",
                "promote the SBOM generated in the same build as the release's artifact");
        return "subject not in the release";
    }

    private static Optional<ReleaseFile> fileWithDigest(String hex, EvidenceDocument document, Release release) {
        ArtifactDigest digest;
        try {
            digest = ArtifactDigest.ofHex(DigestAlgorithm.SHA256, hex, "SBOM subject hash");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return release.files().stream()
                .filter(file ->
                        !file.name().equals(document.name()) && file.digest().matches(digest))
                .findFirst();
    }
}
