package io.jenkins.plugins.promotiongates.core.evidence;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;

/**
 * One evidence file as the controller read it: its name in the release, the SHA-256 of the bytes read
 * (which {@link EvidenceFiles} checked against the release), and those bytes. Only the name and digest
 * are recorded, never the content.
 *
 * @param name the file's name in the release, such as {@code bom.json}
 * @param digest the SHA-256 of {@code bytes}
 * @param bytes the content, read whole under a size cap
 */
public record EvidenceDocument(String name, ArtifactDigest digest, byte[] bytes) {

    public EvidenceDocument {
        bytes = bytes.clone();
    }

    /** The content (a copy). */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code 'bom.json' (sha256:...)}, for messages. */
    public String describe() {
        return "'" + name + "' (" + digest + ")";
    }
}
