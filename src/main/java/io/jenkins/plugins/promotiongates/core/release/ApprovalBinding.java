package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code requireApprovals} gate binds its approvals to, from the step's arguments:
 * <ul>
 *   <li>{@link Kind#RELEASE}: the release that {@code archived:}, {@code files:} or {@code artifact:} with
 *       {@code version:} (and the application) make: its release digest;
 *   <li>{@link Kind#FILE}: {@code artifact:} without {@code version:}: the one file's digest, as before
 *       releases existed ({@link Release#approvedBy} accepts it for a one-file release);
 *   <li>{@link Kind#DIGEST}: {@code digest:}, a release digest given as is (such as the {@code digest} a dry
 *       run returned);
 *   <li>{@link Kind#NONE}: none of them: the gate is bound to nothing, and lets no promotion through.
 * </ul>
 * Only {@code files:} and {@code artifact:} need a workspace.
 *
 * @param kind what the approvals are bound to
 * @param source where the files are, for {@code RELEASE} and {@code FILE}; {@code null} otherwise
 * @param version the release's version, for {@code RELEASE}; empty otherwise
 * @param digest the release digest, for {@code DIGEST}; {@code null} otherwise
 */
public record ApprovalBinding(Kind kind, ReleaseSource source, String version, ArtifactDigest digest) {

    /** What approvals are bound to. */
    public enum Kind {
        NONE,
        FILE,
        RELEASE,
        DIGEST
    }

    private static final String STEP = "requireApprovals";

    /**
     * @throws IllegalArgumentException naming the parameters given together that cannot be, the one
     *     missing, or a malformed digest or pattern
     */
    public static ApprovalBinding of(String artifact, String files, String archived, String digest, String version) {
        String release = blank(version) ? "" : version.trim();
        if (!blank(digest)) {
            List<String> others = new ArrayList<>();
            for (String[] other : new String[][] {{"artifact", artifact}, {"files", files}, {"archived", archived}}) {
                if (!blank(other[1])) {
                    others.add(other[0] + ":");
                }
            }
            if (!others.isEmpty()) {
                throw new IllegalArgumentException(STEP + " binds the approvals to one thing, and was given digest:"
                        + " and " + String.join(" and ", others) + ". Keep digest: (a release digest) or the files"
                        + " (with version:), not both.");
            }
            if (!release.isEmpty()) {
                throw new IllegalArgumentException(STEP + " digest: names a release already (its digest covers its"
                        + " application, version and files); leave version: out, or give archived: or files: with"
                        + " version: instead of digest:.");
            }
            ArtifactDigest parsed = ArtifactDigest.parse(digest.trim(), STEP + " digest");
            if (parsed.algorithm() != DigestAlgorithm.SHA256) {
                throw new IllegalArgumentException(STEP + " digest: '" + digest.trim() + "' is a "
                        + parsed.algorithm().label() + " digest; a release digest is sha256: followed by 64 hex"
                        + " digits, as promoteArtifact returns it in 'digest'.");
            }
            return new ApprovalBinding(Kind.DIGEST, null, "", parsed);
        }
        ReleaseSource source = ReleaseSource.of(STEP, artifact, files, archived).orElse(null);
        if (source == null) {
            if (!release.isEmpty()) {
                throw new IllegalArgumentException(STEP + " version: '" + release + "' needs the release's files:"
                        + " add archived: (the run's archived artifacts), files: or artifact:, or bind to a release"
                        + " digest with digest: and no version:.");
            }
            return new ApprovalBinding(Kind.NONE, null, "", null);
        }
        if (release.isEmpty()) {
            if (source.kind() != ReleaseSource.Kind.ARTIFACT) {
                throw new IllegalArgumentException(STEP + " " + source + " binds the approvals to a release, and a"
                        + " release has a version: add version:, the version promoteArtifact will promote, such as"
                        + " version: '1.4.0'.");
            }
            return new ApprovalBinding(Kind.FILE, source, "", null);
        }
        return new ApprovalBinding(Kind.RELEASE, source, release, null);
    }

    /** Whether the gate reads files from the workspace ({@code files:}, {@code artifact:}), inside {@code node}. */
    public boolean needsWorkspace() {
        return source != null && source.needsWorkspace();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
