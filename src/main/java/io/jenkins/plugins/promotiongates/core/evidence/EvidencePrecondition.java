package io.jenkins.plugins.promotiongates.core.evidence;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides one required kind of evidence for a release: binds each named evidence file to the release
 * ({@link EvidenceFiles}), then runs the check on them. A file that cannot be bound fails the evidence
 * without running the check, with every such file named. The result is what the audit records.
 */
public final class EvidencePrecondition {

    private EvidencePrecondition() {}

    /**
     * @param check the kind of evidence, with the policy's settings
     * @param fileNames the release files the policy names as this evidence, one or more
     * @param files reads and binds them
     * @param context the release and the time of the decision
     */
    public static EvidenceRecord decide(
            EvidenceCheck check, List<String> fileNames, EvidenceFiles files, EvidenceContext context) {
        EvidenceProblems unbound = new EvidenceProblems(check.kind());
        List<EvidenceDocument> documents = new ArrayList<>();
        Map<String, ArtifactDigest> digests = new LinkedHashMap<>();
        if (fileNames.isEmpty()) {
            unbound.add(
                    "no " + check.kind().file() + " is named",
                    "name the release file that holds the " + check.kind().file());
        }
        for (String name : fileNames) {
            try {
                EvidenceDocument document = files.read(check.kind(), name);
                documents.add(document);
                digests.put(name, document.digest());
            } catch (EvidenceRefusedException e) {
                unbound.add(e);
            }
        }
        if (!unbound.isEmpty()) {
            return new EvidenceRecord(
                    unbound.verdict("", "the " + check.kind().file() + " could not be bound to the release"), digests);
        }
        return new EvidenceRecord(check.evaluate(documents, context), digests);
    }
}
