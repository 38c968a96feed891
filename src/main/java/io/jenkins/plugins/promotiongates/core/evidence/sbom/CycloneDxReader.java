package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRefusedException;
import io.jenkins.plugins.promotiongates.core.evidence.StrictJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.parsers.JsonParser;

/**
 * Reads a CycloneDX JSON SBOM, spec 1.4 to 1.6. The bytes are first read by {@link StrictJson} (size,
 * depth, duplicate keys), then checked to be CycloneDX of a supported version, then validated against that
 * version's JSON schema and parsed by the CycloneDX Java library, the reference implementation, so that an
 * SBOM its generator would not accept is not accepted here either.
 */
public final class CycloneDxReader {

    private static final Set<String> VERSIONS = Set.of("1.4", "1.5", "1.6");

    /** Schema errors named in a refusal; the count names the rest. */
    static final int SHOWN = 3;

    private final StrictJson json;
    private final JsonParser parser = new JsonParser();

    public CycloneDxReader(EvidenceLimits limits) {
        this.json = new StrictJson(limits);
    }

    /**
     * @throws EvidenceRefusedException naming the SBOM, the reason and the remedy: not JSON, too deep, not
     *     CycloneDX, an unsupported version, or not valid against its schema
     */
    public Sbom read(EvidenceDocument document) throws EvidenceRefusedException {
        String what = "the SBOM '" + document.name() + "'";
        JsonNode tree = json.readObject(document.bytes(), what);
        JsonNode format = tree.get("bomFormat");
        if (format == null || !format.asText().equals("CycloneDX")) {
            throw new EvidenceRefusedException(
                    what + " is not a CycloneDX SBOM (bomFormat is "
                            + (format == null ? "missing" : QuotedInput.of(format.asText())) + ")",
                    "name the CycloneDX JSON SBOM of the release, such as target/bom.json from"
                            + " cyclonedx-maven-plugin");
        }
        JsonNode spec = tree.get("specVersion");
        String specVersion = spec == null ? "" : spec.asText();
        if (!VERSIONS.contains(specVersion)) {
            throw new EvidenceRefusedException(
                    what + " is CycloneDX " + QuotedInput.of(specVersion) + "; this gate reads CycloneDX 1.4, 1.5"
                            + " and 1.6",
                    "generate it with a current generator, such as cyclonedx-maven-plugin 2.9 with"
                            + " -DschemaVersion=1.6");
        }
        Version version = Version.fromVersionString(specVersion);
        validate(tree, version, what);
        Bom bom;
        try {
            bom = parser.parse(document.bytes());
        } catch (ParseException e) {
            throw new EvidenceRefusedException(
                    what + " could not be read as CycloneDX " + specVersion + ": " + e.getMessage(),
                    "archive the SBOM as its generator wrote it");
        }
        List<SbomComponent> components = new ArrayList<>();
        collect(bom.getComponents(), components);
        Component subject = bom.getMetadata() == null ? null : bom.getMetadata().getComponent();
        return new Sbom(
                specVersion,
                subject == null ? "" : label(subject),
                subject == null ? List.of() : sha256(subject.getHashes()),
                components);
    }

    private void validate(JsonNode tree, Version version, String what) throws EvidenceRefusedException {
        List<ParseException> errors;
        try {
            errors = parser.validate(tree, version);
        } catch (IOException e) {
            throw new IllegalStateException("the CycloneDX " + version.getVersionString() + " schema is missing", e);
        }
        if (!errors.isEmpty()) {
            List<String> shown = errors.stream()
                    .limit(SHOWN)
                    .map(error -> QuotedInput.of(error.getMessage()))
                    .toList();
            throw new EvidenceRefusedException(
                    what + " does not follow the CycloneDX " + version.getVersionString() + " schema: "
                            + String.join("; ", shown)
                            + (errors.size() > SHOWN ? "; and " + (errors.size() - SHOWN) + " more" : ""),
                    "archive the SBOM as its generator wrote it, or fix the generator's configuration");
        }
    }

    private static void collect(List<Component> from, List<SbomComponent> into) {
        if (from == null) {
            return;
        }
        for (Component component : from) {
            List<String> expressions = new ArrayList<>();
            List<String> namedOnly = new ArrayList<>();
            LicenseChoice choice = component.getLicenses();
            if (choice != null) {
                if (choice.getExpression() != null && choice.getExpression().getValue() != null) {
                    expressions.add(choice.getExpression().getValue());
                }
                if (choice.getLicenses() != null) {
                    for (License licence : choice.getLicenses()) {
                        if (licence.getId() != null && !licence.getId().isBlank()) {
                            expressions.add(licence.getId());
                        } else {
                            namedOnly.add(licence.getName() == null ? "" : licence.getName());
                        }
                    }
                }
            }
            into.add(new SbomComponent(label(component), component.getVersion(), expressions, namedOnly));
            collect(component.getComponents(), into);
        }
    }

    private static String label(Component component) {
        if (component.getPurl() != null && !component.getPurl().isBlank()) {
            return component.getPurl();
        }
        String group = component.getGroup() == null || component.getGroup().isBlank() ? "" : component.getGroup() + ":";
        String version = component.getVersion() == null ? "" : "@" + component.getVersion();
        return group + component.getName() + version;
    }

    private static List<String> sha256(List<Hash> hashes) {
        if (hashes == null) {
            return List.of();
        }
        return hashes.stream()
                .filter(hash -> "SHA-256".equals(hash.getAlgorithm()) && hash.getValue() != null)
                .map(hash -> hash.getValue().toLowerCase(Locale.ROOT))
                .toList();
    }
}
