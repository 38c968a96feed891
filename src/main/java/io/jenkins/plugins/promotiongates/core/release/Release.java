package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.PathSegment;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A release of an application: a version and one or more files. It is identified by its
 * {@linkplain #digest() release digest}, the SHA-256 of its {@linkplain #manifest() canonical manifest},
 * which is what approvals are bound to and what the inventory compares. Immutable; equal when the
 * digests are.
 */
public final class Release {

    /** The manifest's format, written as {@code "manifest": 1}. */
    public static final int MANIFEST_FORMAT = 1;

    /** The most files one release may have. */
    public static final int MAX_FILES = 1000;

    private final String application;
    private final String version;
    private final List<ReleaseFile> files;
    private final byte[] manifest;
    private final ArtifactDigest digest;

    /**
     * @param application the application's name ({@link ApplicationName})
     * @param version the version, a safe repository path segment such as {@code 1.4.2}
     * @param files the files, in any order; names unique
     * @throws IllegalArgumentException naming the value, why it is refused and what to pass instead
     */
    public Release(String application, String version, List<ReleaseFile> files) {
        checkNames(application, version);
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("release " + application + " " + version + " has no files: a release"
                    + " is one or more files; name them with artifact:, files: or archived:");
        }
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException("release " + application + " " + version + " has " + files.size()
                    + " files; at most " + MAX_FILES + " are allowed: pack them into an archive");
        }
        List<ReleaseFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ReleaseFile::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("release " + application + " " + version + " has two files named '"
                        + sorted.get(i).name() + "'; file names in a release are unique: rename one, or leave one out");
            }
        }
        this.application = application;
        this.version = version;
        this.files = List.copyOf(sorted);
        this.manifest = manifestOf(application, version, this.files);
        this.digest = sha256(manifest);
    }

    /**
     * Checks an application name and a version as a release needs them, before its files are read.
     *
     * @throws IllegalArgumentException naming the value, why it is refused and what to pass instead
     */
    public static void checkNames(String application, String version) {
        ApplicationName.of(application);
        PathSegment.check("version", version, "such as 1.4.0 or 2024.05.1+build.7");
    }

    /** The application's name. */
    public String application() {
        return application;
    }

    /** The version. */
    public String version() {
        return version;
    }

    /** The files, sorted by name. */
    public List<ReleaseFile> files() {
        return files;
    }

    /** A one-file release. */
    public static Release of(String application, String version, ReleaseFile file) {
        return new Release(application, version, List.of(file));
    }

    /**
     * The canonical manifest: UTF-8 canonical JSON (keys sorted by code point, no whitespace) of
     * {@code {"application", "files": [{"digest": "sha256:<hex>", "name", "size"}...], "manifest": 1,
     * "version"}}, files sorted by name.
     */
    public byte[] manifest() {
        return manifest.clone();
    }

    private static byte[] manifestOf(String application, String version, List<ReleaseFile> files) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("manifest", MANIFEST_FORMAT);
        tree.put("application", application);
        tree.put("version", version);
        tree.put("files", ReleaseJson.files(files));
        return CanonicalJson.writeValue(tree);
    }

    /** The release digest: the SHA-256 of {@link #manifest()}. */
    public ArtifactDigest digest() {
        return digest;
    }

    private static ArtifactDigest sha256(byte[] manifest) {
        try {
            return ArtifactDigest.of(
                    DigestAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(manifest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Whether an approval bound to {@code digest} approves this release: {@code digest} is this release's
     * digest or, for a one-file release, the digest of its file (approvals given for a single artifact's
     * bytes, as {@code requireApprovals artifact: ...} binds them).
     */
    public boolean approvedBy(ArtifactDigest digest) {
        return digest != null
                && (this.digest.matches(digest)
                        || (files.size() == 1 && files.get(0).digest().matches(digest)));
    }

    /** The file named {@code name}, if this release has one. */
    public Optional<ReleaseFile> file(String name) {
        return files.stream().filter(file -> file.name().equals(name)).findFirst();
    }

    /** The total size of the files, or {@code -1} if one size is unknown. */
    public long size() {
        long total = 0;
        for (ReleaseFile file : files) {
            if (file.size() < 0) {
                return -1;
            }
            total += file.size();
        }
        return total;
    }

    /** The files' names, comma-separated, for messages. */
    public String fileNames() {
        return String.join(", ", files.stream().map(ReleaseFile::name).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Release release && digest.equals(release.digest);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return application + " " + version + " ("
                + (files.size() == 1 ? files.get(0).name() : files.size() + " files") + ", " + digest() + ")";
    }
}
