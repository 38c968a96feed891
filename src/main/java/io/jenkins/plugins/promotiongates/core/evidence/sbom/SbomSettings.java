package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import java.util.List;

/**
 * The policy's settings for SBOM evidence. Every component must be pinned to one exact version; that is
 * not a setting.
 *
 * @param allowedLicences the SPDX licences accepted (setting {@code sbom.allowedLicences})
 * @param allowUnlicensed whether a component that states no licence is accepted
 * @param requireSubjectDigest whether the SBOM must name the SHA-256 of its subject (which must then be one
 *     of the release's files); when false, a subject digest is checked only where the SBOM names one
 */
public record SbomSettings(List<String> allowedLicences, boolean allowUnlicensed, boolean requireSubjectDigest) {

    /**
     * @throws IllegalArgumentException naming the setting and the entry that is not one SPDX licence
     */
    public SbomSettings {
        allowedLicences = new LicenceAllowList(allowedLicences, "sbom.allowedLicences").entries();
    }

    /** The allow-list, parsed. */
    public LicenceAllowList allowList() {
        return new LicenceAllowList(allowedLicences, "sbom.allowedLicences");
    }
}
