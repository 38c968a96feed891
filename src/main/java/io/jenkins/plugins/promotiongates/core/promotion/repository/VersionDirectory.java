package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A visible version directory of the file repository, {@code <root>/<application>/<version>/}: each file
 * of the release, its {@code <name>.sha256} (sha256sum format), {@code release.json} (the release's
 * canonical manifest), {@code promotion.json} (the record) and {@code promotion.intoto.json} (the
 * promotion's attestation, when the promotion was attested). It only ever appears whole (see
 * {@link FileSystemRepository}); this class reads one and says whether it holds a given release.
 * Directories written before releases existed ({@code <file>/<version>/<file>} with
 * {@code <file>.promotion.json}) are read too: a one-file release of the application named after the file.
 */
final class VersionDirectory {

    static final String MANIFEST = "release.json";
    static final String RECORD = "promotion.json";
    static final String ATTESTATION = "promotion.intoto.json";
    static final String CHECKSUM = ".sha256";
    private static final String LEGACY_RECORD = ".promotion.json";
    private static final int MAX_SIDECAR_BYTES = 4096;
    private static final int MAX_MANIFEST_BYTES = 4 << 20;
    private static final int MAX_LISTED = 10;
    private static final String VERSION_FILE = "a file of the version";

    private VersionDirectory() {}

    /**
     * @throws IllegalArgumentException if a file of {@code release} would take the name of a file the
     *     repository writes beside it, naming the file and what to do
     */
    static void requireNamesFree(Release release) {
        for (ReleaseFile file : release.files()) {
            String name = file.name();
            boolean sidecar = name.endsWith(CHECKSUM)
                    && release.file(name.substring(0, name.length() - CHECKSUM.length()))
                            .isPresent();
            if (name.equals(MANIFEST) || name.equals(RECORD) || name.equals(ATTESTATION) || sidecar) {
                throw new IllegalArgumentException("The release " + release + " has a file named '" + name
                        + "', which the file repository writes itself beside the release's files ("
                        + MANIFEST + ", " + RECORD + ", " + ATTESTATION + " and a <file>" + CHECKSUM
                        + " for each file). Leave it out"
                        + (sidecar ? " (the repository writes the same checksum file)" : "")
                        + ", or rename it.");
            }
        }
    }

    /** Whether {@code directory} (an existing directory of the repository) is a version directory. */
    static boolean isVersion(Path directory) throws RepositoryException {
        return ConfinedTree.regularFileExists(directory.resolve(MANIFEST), "a version's manifest");
    }

    /** Whether {@code directory} holds nothing (an application's directory left by a failed promotion). */
    static boolean isEmpty(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return !entries.iterator().hasNext();
        }
    }

    /** The SHA-256 of each file of {@code release} that {@code directory} holds: its checksum file's, or hashed. */
    static Map<String, ArtifactDigest> stored(Path directory, Release release) throws IOException {
        Map<String, ArtifactDigest> stored = new TreeMap<>();
        for (ReleaseFile file : release.files()) {
            Path path = directory.resolve(file.name());
            if (ConfinedTree.regularFileExists(path, VERSION_FILE)) {
                String hex = sidecarDigest(directory, file.name()).orElse(null);
                stored.put(
                        file.name(),
                        ArtifactDigest.ofHex(
                                DigestAlgorithm.SHA256,
                                hex != null ? hex : ContentStore.sha256(path),
                                path.toString()));
            }
        }
        return stored;
    }

    /**
     * Returns if {@code directory} holds exactly {@code release}, every file hashed again (an altered one
     * does not count).
     *
     * @throws RepositoryException refusing, naming what the directory holds, if it is anything else
     */
    static void requireSame(Path directory, Release release) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> others = new ArrayList<>();
        byte[] manifest = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = String.valueOf(entry.getFileName());
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    others.add(name + "/");
                } else if (!ConfinedTree.regularFileExists(entry, VERSION_FILE)) {
                    continue; // deleted meanwhile
                } else if (name.equals(MANIFEST)) {
                    manifest = readManifest(entry);
                } else if (!name.equals(RECORD) && !name.endsWith(CHECKSUM) && !name.endsWith(LEGACY_RECORD)) {
                    files.add(name);
                }
            }
        }
        boolean sameFiles = new TreeSet<>(files).equals(new TreeSet<>(names(release))) && others.isEmpty();
        boolean same = manifest != null ? Arrays.equals(manifest, release.manifest()) : sameFiles;
        List<String> altered = new ArrayList<>();
        if (same) {
            for (ReleaseFile file : release.files()) {
                Path path = directory.resolve(file.name());
                String held = ConfinedTree.regularFileExists(path, VERSION_FILE) ? ContentStore.sha256(path) : null;
                if (held == null || !Sha256.same(held, file.digest().hex())) {
                    altered.add(file.name() + " holds " + (held == null ? "nothing" : "sha256 " + held)
                            + ", and this release's " + file.name() + " is sha256 "
                            + file.digest().hex());
                }
            }
            if (altered.isEmpty()) {
                return;
            }
        }
        throw new RepositoryException(
                "Refusing to publish " + release + " to " + directory + ": "
                        + (same
                                ? "that version holds this release, but " + String.join("; ", altered)
                                        + ". It was altered after it was published: keep it for investigation."
                                : "that version already holds " + describe(directory, manifest, files, others) + ".")
                        + " A promoted version is immutable; promote this release under a new version.",
                true);
    }

    private static String describe(Path directory, byte[] manifest, List<String> files, List<String> others)
            throws IOException {
        StringBuilder held = new StringBuilder();
        if (manifest != null) {
            held.append("the release sha256:")
                    .append(Sha256.hex(manifest))
                    .append(" (its ")
                    .append(MANIFEST)
                    .append(")");
        } else {
            held.append(files.isEmpty() ? "no release" : "files written before releases existed");
        }
        files.sort(null);
        List<String> listed = new ArrayList<>();
        for (String name : files.subList(0, Math.min(MAX_LISTED, files.size()))) {
            Optional<String> hex = sidecarDigest(directory, name);
            listed.add(
                    name + " sha256 " + (hex.isPresent() ? hex.get() : ContentStore.sha256(directory.resolve(name))));
        }
        if (files.size() > MAX_LISTED) {
            listed.add("and " + (files.size() - MAX_LISTED) + " more files");
        }
        listed.addAll(others);
        return held + (listed.isEmpty() ? "" : ": " + String.join(", ", listed));
    }

    private static List<String> names(Release release) {
        return release.files().stream().map(ReleaseFile::name).toList();
    }

    private static byte[] readManifest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(MAX_MANIFEST_BYTES);
        }
    }

    private static Optional<String> sidecarDigest(Path directory, String name) throws IOException {
        Path sidecar = directory.resolve(name + CHECKSUM);
        if (!Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS) || Files.size(sidecar) > MAX_SIDECAR_BYTES) {
            return Optional.empty();
        }
        String text = Files.readString(sidecar, StandardCharsets.UTF_8).trim();
        String hex = text.length() >= 64 ? text.substring(0, 64) : "";
        return Sha256.isHex(hex) ? Optional.of(hex) : Optional.empty();
    }
}
