package io.jenkins.plugins.promotiongates.core.evidence;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the audit keeps of one evidence decision: the verdict and the name and digest of each evidence file
 * it was taken on, never the files' content.
 *
 * @param verdict the verdict
 * @param files the evidence files read, by name, with the SHA-256 of the bytes the controller read
 */
public record EvidenceRecord(EvidenceVerdict verdict, Map<String, ArtifactDigest> files) {

    public EvidenceRecord {
        files = Map.copyOf(files);
    }

    /**
     * The record as audit event details (plain values for canonical JSON): {@code {"kind", "outcome",
     * "files": [{"name", "digest"}...] (sorted by name), "message", "problems", "remedy"}}.
     */
    public Map<String, Object> details() {
        List<Object> fileList = new ArrayList<>();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", file.getKey());
            entry.put("digest", file.getValue().toString());
            fileList.add(entry);
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", verdict.kind().label());
        details.put("outcome", verdict.outcome().name().toLowerCase(Locale.ROOT));
        details.put("files", fileList);
        details.put("message", verdict.message());
        details.put("problems", List.copyOf(verdict.problems()));
        details.put("remedy", verdict.remedy());
        return details;
    }
}
