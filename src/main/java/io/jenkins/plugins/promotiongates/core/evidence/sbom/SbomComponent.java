package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import java.util.List;

/**
 * One component an SBOM lists, as far as the check needs it.
 *
 * @param label how messages name it: its package URL, or group:name@version
 * @param version its version as written, possibly empty
 * @param expressions its licences as SPDX expressions (a single id is an expression too); all must be
 *     accepted, since CycloneDX gives no rule for choosing among several
 * @param namedOnly licences given only by name, with no SPDX id
 */
public record SbomComponent(String label, String version, List<String> expressions, List<String> namedOnly) {

    public SbomComponent {
        version = version == null ? "" : version;
        expressions = List.copyOf(expressions);
        namedOnly = List.copyOf(namedOnly);
    }

    /** Whether it states no licence at all. */
    public boolean unlicensed() {
        return expressions.isEmpty() && namedOnly.isEmpty();
    }
}
