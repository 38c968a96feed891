/**
 * SBOM evidence: a CycloneDX JSON SBOM (spec 1.4 to 1.6), validated against its schema and read with the
 * CycloneDX Java library, and the check of its licences (SPDX expressions against an allow-list), its
 * version pinning and its subject's digest.
 */
package io.jenkins.plugins.promotiongates.core.evidence.sbom;
