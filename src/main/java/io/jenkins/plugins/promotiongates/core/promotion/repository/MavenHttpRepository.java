package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Maven-layout repository over HTTP, as Nexus, Artifactory, Reposilite and WebDAV servers accept. A
 * release is one Maven artifact ({@link MavenLayout}): its files, each with {@code .sha256} and
 * {@code .sha1} checksum files, and its manifest, in {@code <groupId path>/<artifactId>/<version>/}, listed
 * in the artifact's {@code maven-metadata.xml}.
 *
 * <p>Publication order: first every file is checked on the server (HEAD, then its {@code .sha256} or its
 * bytes), so that nothing different is ever overwritten and a different release under the version is
 * refused before anything is uploaded; then every missing file is spooled, hashed on the way, to a private
 * temporary file (owner-only permissions) and compared in constant time with the release's digest; only
 * when all match are they uploaded (PUT with {@code If-None-Match: *}), each followed by its checksums,
 * then the manifest, the promotion record and the attestation, and last the metadata (read, the version added, written with its checksums), which
 * is what makes the version visible to Maven clients resolving versions. A server cannot hide a file once
 * uploaded, so a failure midway raises an exception listing exactly what was uploaded and what was not
 * ({@link UploadProgress}); promoting again keeps what is there with the right digests and uploads the
 * rest. Two promotions of the same artifact at the same moment may each rewrite the metadata from what
 * they read, so one version can drop out of the list: promoting it again lists it.
 *
 * <p>URL paths are built from validated, percent-encoded segments only ({@link UrlSegments}), redirects
 * are refused rather than followed ({@link RetryingHttp}), and no message carries a credential
 * ({@link HttpCredentials#redact}).
 */
public final class MavenHttpRepository implements ArtifactRepository {

    private final URI base;
    private final String groupId;
    private final RetryingHttp http;
    private final MavenFiles files;
    private final SpoolDirectory spoolDirectory;
    private final Clock clock;

    /**
     * @param base the repository URL, such as {@code https://nexus.example/repository/releases/}: http or
     *     https, with a host, without credentials, query or fragment
     * @param groupId the Maven groupId releases are promoted under, such as {@code com.example.releases}
     * @throws IllegalArgumentException naming what is wrong with {@code base} or {@code groupId} (never
     *     repeating credentials)
     */
    public MavenHttpRepository(
            URI base, String groupId, HttpCredentials credentials, RetryPolicy retries, Sleeper sleeper) {
        this(base, groupId, credentials, retries, sleeper, null, Clock.systemUTC());
    }

    /**
     * @param spoolDirectory where files are spooled before upload; {@code null} for the system's temporary directory
     * @param clock the time written as the metadata's {@code lastUpdated}
     */
    MavenHttpRepository(
            URI base,
            String groupId,
            HttpCredentials credentials,
            RetryPolicy retries,
            Sleeper sleeper,
            Path spoolDirectory,
            Clock clock) {
        this.base = checkedBase(base);
        this.groupId = groupId;
        groupPath(groupId);
        this.http = new RetryingHttp(credentials, retries, sleeper);
        this.files = new MavenFiles(http);
        this.spoolDirectory = new SpoolDirectory(spoolDirectory);
        this.clock = clock;
    }

    @Override
    public String describe() {
        return "maven:" + base + ";groupId=" + groupId;
    }

    /** The version's directory URL, or {@link #describe()} for a release that cannot be laid out. */
    @Override
    public String location(Release release) {
        try {
            return new MavenLayout(base, groupId, release).versionDirectory().toString();
        } catch (IllegalArgumentException e) {
            return describe();
        }
    }

    /** @throws IllegalArgumentException if the release cannot be laid out ({@link MavenLayout}) */
    @Override
    public Map<String, ArtifactDigest> stored(Release release) throws RepositoryException {
        MavenLayout layout = new MavenLayout(base, groupId, release);
        try {
            Map<String, ArtifactDigest> stored = new TreeMap<>();
            for (ReleaseFile file : release.files()) {
                URI uri = layout.file(file.name());
                files.sha256(uri)
                        .ifPresent(hex -> stored.put(
                                file.name(), ArtifactDigest.ofHex(DigestAlgorithm.SHA256, hex, uri.toString())));
            }
            return stored;
        } catch (RepositoryException e) {
            throw http.redact(e);
        }
    }

    /** @throws IllegalArgumentException if the release cannot be laid out ({@link MavenLayout}) */
    @Override
    public Publication publish(Release release, ReleaseContent content, byte[] record, byte[] attestation)
            throws RepositoryException {
        MavenLayout layout = new MavenLayout(base, groupId, release);
        Map<ReleaseFile, Spooled> spools = new LinkedHashMap<>();
        try {
            boolean manifestThere = requireNoOtherRelease(release, layout);
            for (ReleaseFile file : release.files()) {
                Optional<String> existing = files.sha256(layout.file(file.name()));
                if (existing.isEmpty()) {
                    spools.put(file, null);
                } else {
                    requireSame(release, file, layout.file(file.name()), existing.get());
                }
            }
            for (ReleaseFile file : List.copyOf(spools.keySet())) { // every digest is checked before any upload
                ArtifactCoordinates coordinates = new ArtifactCoordinates(file.name(), release.version());
                Path spool = spoolDirectory.create(coordinates);
                spools.put(file, new Spooled(spool, null));
                HashingCopy.Result copied =
                        SpoolDirectory.fill(() -> content.of(file).open(), coordinates, spool);
                HashingCopy.requireApproved(
                        copied,
                        file.digest(),
                        coordinates,
                        layout.versionDirectory().toString());
                spools.put(file, new Spooled(spool, copied));
            }
            return upload(release, layout, spools, manifestThere, beside(layout, record, attestation));
        } catch (RepositoryException e) {
            throw http.redact(e);
        } finally {
            spools.values().stream().filter(Objects::nonNull).forEach(spooled -> SpoolDirectory.delete(spooled.path()));
        }
    }

    /** The promotion's record and attestation, where each goes, in upload order; absent ones are left out. */
    private static Map<URI, byte[]> beside(MavenLayout layout, byte[] record, byte[] attestation) {
        Map<URI, byte[]> beside = new LinkedHashMap<>();
        if (record != null) {
            beside.put(layout.record(), record);
        }
        if (attestation != null) {
            beside.put(layout.attestation(), attestation);
        }
        return beside;
    }

    /** A file's bytes in a private temporary file, and their digests once copied. */
    private record Spooled(Path path, HashingCopy.Result copied) {}

    /**
     * Uploads the spooled files with their checksums, the manifest and what goes beside it unless the
     * manifest is there, then the metadata unless it lists the version already.
     *
     * @param beside the promotion record and attestation by their URLs ({@link #beside})
     */
    private Publication upload(
            Release release,
            MavenLayout layout,
            Map<ReleaseFile, Spooled> spools,
            boolean manifestThere,
            Map<URI, byte[]> beside)
            throws RepositoryException {
        UploadProgress progress = new UploadProgress(release, layout);
        spools.keySet().forEach(file -> planWithChecksums(progress, layout.file(file.name())));
        if (!manifestThere) {
            planWithChecksums(progress, layout.manifest());
            beside.keySet().forEach(uri -> planWithChecksums(progress, uri));
        }
        planWithChecksums(progress, layout.metadata());
        try {
            for (Map.Entry<ReleaseFile, Spooled> entry : spools.entrySet()) {
                ReleaseFile file = entry.getKey();
                URI uri = layout.file(file.name());
                if (files.putNew(
                        uri, HttpRequest.BodyPublishers.ofFile(entry.getValue().path()))) {
                    progress.uploaded(uri);
                    putChecksums(progress, uri, entry.getValue().copied());
                } else {
                    requireSame(release, file, uri, files.sha256(uri).orElse("(none)"));
                }
            }
            if (!manifestThere) {
                byte[] manifest = release.manifest();
                if (files.putNew(layout.manifest(), HttpRequest.BodyPublishers.ofByteArray(manifest))) {
                    progress.uploaded(layout.manifest());
                    putChecksums(progress, layout.manifest(), digests(manifest));
                } else {
                    requireNoOtherRelease(release, layout);
                }
                for (Map.Entry<URI, byte[]> document : beside.entrySet()) {
                    if (files.putNew(document.getKey(), HttpRequest.BodyPublishers.ofByteArray(document.getValue()))) {
                        progress.uploaded(document.getKey());
                        putChecksums(progress, document.getKey(), digests(document.getValue()));
                    }
                }
            }
            MavenMetadata metadata = metadata(layout);
            if (!metadata.lists(release.version())) {
                byte[] xml =
                        metadata.withVersion(layout.groupId(), layout.artifactId(), release.version(), clock.instant());
                files.put(layout.metadata(), HttpRequest.BodyPublishers.ofByteArray(xml));
                progress.uploaded(layout.metadata());
                putChecksums(progress, layout.metadata(), digests(xml));
            }
        } catch (RepositoryException e) {
            throw progress.failed(e);
        } catch (IOException e) {
            throw progress.failed(new RepositoryException(
                    "A spooled copy vanished before it was uploaded: " + e
                            + ". Check that nothing cleans the temporary directory during promotions.",
                    e));
        }
        return new Publication(progress.anyUploaded(), layout.versionDirectory().toString(), release.size());
    }

    private static void planWithChecksums(UploadProgress progress, URI uri) {
        progress.plan(uri);
        progress.plan(MavenLayout.checksum(uri, ".sha256"));
        progress.plan(MavenLayout.checksum(uri, ".sha1"));
    }

    private void putChecksums(UploadProgress progress, URI uri, HashingCopy.Result digests) throws RepositoryException {
        for (String suffix : List.of(".sha256", ".sha1")) {
            URI checksum = MavenLayout.checksum(uri, suffix);
            String hex = suffix.equals(".sha256") ? digests.sha256Hex() : digests.sha1Hex();
            files.put(checksum, HttpRequest.BodyPublishers.ofString(hex, StandardCharsets.US_ASCII));
            progress.uploaded(checksum);
        }
    }

    /**
     * Refuses if the version holds another release's manifest.
     *
     * @return whether it holds this release's
     */
    private boolean requireNoOtherRelease(Release release, MavenLayout layout) throws RepositoryException {
        Optional<byte[]> manifest = files.get(layout.manifest());
        if (manifest.isPresent() && !Arrays.equals(manifest.get(), release.manifest())) {
            throw new RepositoryException(
                    "Refusing to publish " + release + " to " + layout.versionDirectory() + ": that version already"
                            + " holds the release sha256:" + Sha256.hex(manifest.get()) + " (its manifest is "
                            + layout.manifest() + "). A promoted version is immutable; promote this release under a"
                            + " new version.",
                    true);
        }
        return manifest.isPresent();
    }

    private static void requireSame(Release release, ReleaseFile file, URI uri, String existing)
            throws RepositoryException {
        if (!Sha256.same(existing, file.digest().hex())) {
            throw new RepositoryException(
                    "Refusing to overwrite " + uri + ": it already holds sha256 " + existing + ", and the file "
                            + file.name() + " of " + release + " is sha256 "
                            + file.digest().hex()
                            + ". A promoted version is immutable; promote this release under a new version.",
                    true);
        }
    }

    private MavenMetadata metadata(MavenLayout layout) throws RepositoryException {
        Optional<byte[]> xml = files.get(layout.metadata());
        if (xml.isEmpty()) {
            return MavenMetadata.empty();
        }
        try {
            return MavenMetadata.parse(
                    xml.get(),
                    layout.groupId(),
                    layout.artifactId(),
                    layout.metadata().toString());
        } catch (IOException e) {
            throw new RepositoryException(
                    "Cannot add the version to " + layout.metadata() + ": " + e.getMessage() + ". Check what wrote"
                            + " that file; Maven clients cannot read it either.",
                    e);
        }
    }

    private static HashingCopy.Result digests(byte[] bytes) {
        try {
            return new HashingCopy.Result(
                    bytes.length,
                    DigestAlgorithm.SHA256.newMessageDigest().digest(bytes),
                    MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-1, which every Java SE runtime must provide", e);
        }
    }

    private static String groupPath(String groupId) {
        if (groupId == null || groupId.isEmpty()) {
            throw new IllegalArgumentException("The Maven groupId is empty; give the dotted groupId artifacts are"
                    + " promoted under, such as com.example.releases.");
        }
        StringBuilder path = new StringBuilder();
        for (String part : groupId.split("\\.", -1)) {
            path.append(UrlSegments.encode("groupId part of '" + UrlSegments.printable(groupId) + "'", part))
                    .append('/');
        }
        return path.toString();
    }

    private static URI checkedBase(URI base) {
        String scheme = base.getScheme();
        String shown = base.getRawUserInfo() == null
                ? base.toString()
                : scheme + "://(credentials hidden)@" + base.getHost()
                        + (base.getPort() < 0 ? "" : ":" + base.getPort());
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || base.getHost() == null) {
            throw new IllegalArgumentException("The Maven repository URL '" + shown + "' is not an http:// or"
                    + " https:// URL with a host; use one such as https://nexus.example/repository/releases/.");
        }
        if (base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The Maven repository URL '" + shown + "' carries credentials;"
                    + " remove them from the URL and configure a credentials id for the repository instead.");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("The Maven repository URL '" + shown + "' has a ?query or #fragment,"
                    + " which would change every artifact's URL; remove it.");
        }
        String text = base.toASCIIString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }
}
