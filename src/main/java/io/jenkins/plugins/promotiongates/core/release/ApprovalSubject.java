package io.jenkins.plugins.promotiongates.core.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What approvers of a gate approve, as the gate's page, its {@code api/json} and its
 * {@code approval.requested} event show it: the digest the approvals are bound to and, where known, the
 * application, version and files it stands for. Only the digest binds; the rest is shown so that people
 * see what the digest is.
 *
 * @param kind {@link ApprovalBinding.Kind#RELEASE}, {@code FILE} or {@code DIGEST}
 * @param digest the digest the approvals are bound to
 * @param application the application, or empty for a release digest this controller has not promoted
 * @param version the version, or empty (a single file, or an unknown release digest)
 * @param files the files, sorted by name; empty for an unknown release digest
 */
public record ApprovalSubject(
        ApprovalBinding.Kind kind, ArtifactDigest digest, String application, String version, List<ReleaseFile> files) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @throws IllegalArgumentException for the kind {@code NONE} or a missing digest
     */
    public ApprovalSubject {
        if (kind == null || kind == ApprovalBinding.Kind.NONE || digest == null) {
            throw new IllegalArgumentException("an approval subject is a release, a file or a release digest");
        }
        application = application == null ? "" : application;
        version = version == null ? "" : version;
        files = List.copyOf(files);
    }

    /** Approvals bound to {@code release}'s digest. */
    public static ApprovalSubject of(Release release) {
        return new ApprovalSubject(
                ApprovalBinding.Kind.RELEASE,
                release.digest(),
                release.application(),
                release.version(),
                release.files());
    }

    /** Approvals bound to one file's digest ({@code artifact:} without {@code version:}). */
    public static ApprovalSubject ofFile(String application, ReleaseFile file) {
        return new ApprovalSubject(ApprovalBinding.Kind.FILE, file.digest(), application, "", List.of(file));
    }

    /** Approvals bound to a release digest given as is; {@code known} is that release where it was promoted. */
    public static ApprovalSubject ofDigest(ArtifactDigest digest, Optional<Release> known) {
        return known.filter(release -> release.digest().matches(digest))
                .map(release -> new ApprovalSubject(
                        ApprovalBinding.Kind.DIGEST, digest, release.application(), release.version(), release.files()))
                .orElseGet(() -> new ApprovalSubject(ApprovalBinding.Kind.DIGEST, digest, "", "", List.of()));
    }

    /** For messages: {@code shop 1.4.0 (2 files: app.tar.gz, sbom.json), release digest sha256:…}. */
    public String describe() {
        String what = kind == ApprovalBinding.Kind.FILE ? "file digest " : "release digest ";
        if (files.isEmpty()) {
            return what + digest + " (not promoted on this controller yet: its files are not known here)";
        }
        String names = String.join(", ", files.stream().map(ReleaseFile::name).toList());
        String release = (application + " " + version).trim();
        return release + " (" + (files.size() == 1 ? names : files.size() + " files: " + names) + "), " + what + digest;
    }

    /** The JSON tree: {@code kind}, {@code digest}, {@code application}, {@code version}, {@code files}. */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("kind", kind.name());
        tree.put("digest", digest.toString());
        tree.put("application", application);
        tree.put("version", version);
        tree.put("files", ReleaseJson.files(files));
        return tree;
    }

    /** The canonical JSON of {@link #toTree}, as the glue stores it. */
    public String toJson() {
        return new String(CanonicalJson.writeValue(toTree()), StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static ApprovalSubject fromJson(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("approval subject is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("approval subject is not a JSON object");
        }
        ApprovalBinding.Kind kind;
        try {
            kind = ApprovalBinding.Kind.valueOf(tree.path("kind").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("approval subject.kind is not RELEASE, FILE or DIGEST");
        }
        JsonNode files = tree.path("files");
        return new ApprovalSubject(
                kind,
                ArtifactDigest.parse(tree.path("digest").asText(""), "approval subject.digest"),
                tree.path("application").asText(""),
                tree.path("version").asText(""),
                files.isArray() && files.isEmpty() ? List.of() : ReleaseJson.files(files, "approval subject.files"));
    }
}
