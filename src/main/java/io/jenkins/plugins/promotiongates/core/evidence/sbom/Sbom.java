package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import java.util.List;

/**
 * What the check needs of a CycloneDX SBOM.
 *
 * @param specVersion the CycloneDX version it follows, such as {@code 1.6}
 * @param subject how messages name what it describes ({@code metadata.component}), or empty
 * @param subjectSha256 the SHA-256 values (lower-case hex) it gives for its subject; empty if none
 * @param components every component, nested ones included
 */
public record Sbom(String specVersion, String subject, List<String> subjectSha256, List<SbomComponent> components) {

    public Sbom {
        subjectSha256 = List.copyOf(subjectSha256);
        components = List.copyOf(components);
    }
}
