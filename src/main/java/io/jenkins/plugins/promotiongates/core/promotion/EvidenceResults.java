package io.jenkins.plugins.promotiongates.core.promotion;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRecord;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict on each kind of evidence the target requires, with the digest of every evidence file read.
 *
 * @param records one per required kind, in the policy's order
 * @param askAgainAt when a pending external check is asked again; present only when some check is pending and
 *     no evidence failed outright
 */
public record EvidenceResults(List<EvidenceRecord> records, Optional<Instant> askAgainAt) {

    /** No evidence required. */
    public static final EvidenceResults NONE = new EvidenceResults(List.of(), Optional.empty());

    public EvidenceResults {
        records = List.copyOf(records);
    }

    /** One {@link Precondition#EVIDENCE} result per record. */
    List<PreconditionResult> preconditionResults() {
        List<PreconditionResult> results = new ArrayList<>();
        for (EvidenceRecord record : records) {
            EvidenceVerdict verdict = record.verdict();
            String message = verdict.kind().label() + ": " + verdict.summary();
            results.add(
                    switch (verdict.outcome()) {
                        case PASSED -> PreconditionResult.pass(Precondition.EVIDENCE, message);
                        case FAILED -> PreconditionResult.fail(Precondition.EVIDENCE, message, verdict.remedy());
                        case PENDING ->
                            PreconditionResult.fail(Precondition.EVIDENCE, "waiting: " + message, verdict.remedy());
                    });
        }
        return results;
    }

    /** One line per kind: {@code [FAIL] sbom: ... Remedy: ...}, {@code [wait] externalCheck: ...}. */
    public List<String> lines() {
        return records.stream().map(record -> record.verdict().line()).toList();
    }

    /** Each record as audit details: kind, outcome, files with digests, message, problems, remedy. */
    public List<Object> toTree() {
        return records.stream().map(record -> (Object) record.details()).toList();
    }

    /** What a promotion record lists of the evidence that held: each kind with its files' names and digests. */
    public List<Object> passedTree() {
        List<Object> passed = new ArrayList<>();
        for (EvidenceRecord record : records) {
            if (record.verdict().passed()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("kind", record.verdict().kind().label());
                entry.put("files", record.details().get("files"));
                passed.add(entry);
            }
        }
        return passed;
    }
}
