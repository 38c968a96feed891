package io.jenkins.plugins.promotiongates.core.evidence.sbom;

import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceCheck;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceContext;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceProblems;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRefusedException;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SBOM evidence holds when every component of every SBOM is pinned to one exact version, states a licence
 * (unless the policy accepts unlicensed components) whose SPDX expression the allow-list accepts, and each
 * SBOM's subject, where it is named by SHA-256 (or must be), is one of the release's files.
 */
public final class SbomCheck implements EvidenceCheck {

    static final String LICENCE_REMEDY =
            "replace the component, or add its licence to sbom.allowedLicences once it has been reviewed";

    private final SbomSettings settings;
    private final LicenceAllowList allowList;
    private final CycloneDxReader reader;

    public SbomCheck(SbomSettings settings, EvidenceLimits limits) {
        this.settings = settings;
        this.allowList = settings.allowList();
        this.reader = new CycloneDxReader(limits);
    }

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.SBOM;
    }

    @Override
    public EvidenceVerdict evaluate(List<EvidenceDocument> documents, EvidenceContext context) {
        EvidenceProblems problems = new EvidenceProblems(kind());
        List<String> summaries = new ArrayList<>();
        for (EvidenceDocument document : documents) {
            try {
                Sbom sbom = reader.read(document);
                components(sbom, problems);
                String subject = new SbomSubjectCheck(settings.requireSubjectDigest())
                        .check(sbom, document, context.release(), problems);
                summaries.add("'" + document.name() + "' (CycloneDX " + sbom.specVersion() + ", "
                        + sbom.components().size() + " components, " + subject + ")");
            } catch (EvidenceRefusedException e) {
                problems.add(e);
            }
        }
        String names = documents.stream().map(d -> "'" + d.name() + "'").collect(Collectors.joining(", "));
        return problems.verdict(
                String.join("; ", summaries) + ": every component pinned, every licence allowed",
                "the SBOM " + names + " does not meet the policy");
    }

    private void components(Sbom sbom, EvidenceProblems problems) {
        for (SbomComponent component : sbom.components()) {
            String name = "component " + QuotedInput.of(component.label());
            VersionPin.problem(component.version())
                    .ifPresent(reason -> problems.add(
                            name + ": version " + QuotedInput.of(component.version()) + " " + reason,
                            "pin every dependency to one exact version (a lock file, or exact versions in the"
                                    + " build) and regenerate the SBOM"));
            if (component.unlicensed() && !settings.allowUnlicensed()) {
                problems.add(
                        name + " states no licence",
                        "find the component's licence and declare it, or set sbom.allowUnlicensed if unlicensed"
                                + " components are acceptable");
            }
            for (String named : component.namedOnly()) {
                problems.add(
                        name + ": licence " + QuotedInput.of(named) + " has no SPDX id",
                        "have the generator resolve SPDX ids, or declare the licence as an SPDX id or LicenseRef-");
            }
            for (String expression : component.expressions()) {
                licence(name, expression, problems);
            }
        }
    }

    private void licence(String name, String expression, EvidenceProblems problems) {
        LicenceExpression parsed;
        try {
            parsed = LicenceExpressionParser.parse(expression);
        } catch (IllegalArgumentException e) {
            problems.add(
                    name + ": licence expression " + QuotedInput.of(expression) + " is not valid SPDX: "
                            + e.getMessage(),
                    "write the component's licence as an SPDX expression (AND, OR, WITH and parentheses)");
            return;
        }
        List<LicenceExpression.Licence> refused = allowList.refused(parsed);
        if (!refused.isEmpty()) {
            problems.add(
                    name + ": licence " + QuotedInput.of(expression) + " is not allowed ("
                            + refused.stream()
                                    .map(LicenceExpression.Licence::text)
                                    .collect(Collectors.joining(", "))
                            + " not in sbom.allowedLicences)",
                    LICENCE_REMEDY);
        }
    }
}
