package io.jenkins.plugins.promotiongates.core.signature.checksum;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Digests;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an artifact against the lines of a checksum list that name it: every such line with an
 * accepted hash must match, computed in one read together with the audit SHA-256. MD5 and SHA-1
 * lines are never trusted.
 */
public final class ChecksumCheck {

    private final StreamingDigester digester;

    public ChecksumCheck(StreamingDigester digester) {
        this.digester = digester;
    }

    /**
     * The outcome of a check.
     *
     * @param digests the artifact's digests (always includes SHA-256), or {@code null} if it was not read
     * @param algorithm the hashes compared, e.g. {@code SHA-256}
     * @param rejection why the artifact does not match, or {@code null} if it does
     */
    public record Outcome(Digests digests, String algorithm, SignatureRejectedException rejection) {}

    /**
     * @throws SignatureRejectedException if the list has no usable line for the artifact (the artifact
     *     is then not read)
     */
    public Outcome check(ChecksumList list, ArtifactContent artifact, String artifactName)
            throws IOException, SignatureRejectedException {
        List<ChecksumLine> lines = list.linesFor(artifactName);
        if (lines.isEmpty()) {
            throw new SignatureRejectedException(
                    "the checksum file has no line for '" + baseName(artifactName) + "' (it lists "
                            + describe(list.lines()) + ")",
                    "Use the checksum file published with this artifact, or check the artifact's file name.");
        }
        List<ChecksumLine> usable = new ArrayList<>();
        for (ChecksumLine line : lines) {
            if (line.algorithm() != null) {
                usable.add(line);
            }
        }
        if (usable.isEmpty()) {
            throw new SignatureRejectedException(
                    "the checksum file gives only " + lines.get(0).hashName() + " for it, a hash too weak to trust",
                    "Publish SHA-256 or SHA-512 checksums (sha256sum, sha512sum).");
        }
        Set<DigestAlgorithm> algorithms = EnumSet.of(DigestAlgorithm.SHA256);
        usable.forEach(line -> algorithms.add(line.algorithm()));
        Digests digests = digester.digest(artifact, algorithms);
        String algorithm = usable.stream()
                .map(line -> line.algorithm().jcaName())
                .distinct()
                .collect(Collectors.joining("+"));
        for (ChecksumLine line : usable) {
            if (!digests.digest(line.algorithm())
                    .matches(ArtifactDigest.of(line.algorithm(), HexFormat.of().parseHex(line.hex())))) {
                return new Outcome(
                        digests,
                        algorithm,
                        new SignatureRejectedException(
                                "its " + line.algorithm().jcaName() + " digest " + digests.hex(line.algorithm())
                                        + " differs from the one on line " + line.lineNumber()
                                        + " of the checksum file (" + line.hex() + ")",
                                "The artifact was modified or is another build than the one the checksum file "
                                        + "lists; rebuild or fetch the matching files."));
            }
        }
        return new Outcome(digests, algorithm, null);
    }

    private static String baseName(String artifactName) {
        String path = artifactName;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String describe(List<ChecksumLine> lines) {
        String names =
                lines.stream().limit(5).map(line -> "'" + line.fileName() + "'").collect(Collectors.joining(", "));
        return lines.size() > 5 ? names + " and " + (lines.size() - 5) + " more" : names;
    }
}
