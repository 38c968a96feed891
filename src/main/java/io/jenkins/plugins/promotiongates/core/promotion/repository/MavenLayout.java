package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a release goes in a Maven repository: one Maven artifact per release. Its groupId is the
 * configured one followed by the application's leading segments, its artifactId the application's last
 * segment ({@code payments/api} under {@code com.example} is {@code com.example.payments:api}); each file
 * is {@code <artifactId>-<version>[-<classifier>].<extension>} in the version's directory, where the
 * extension is the file's ({@code tar.gz} counts as one) and the classifier is what its name adds to the
 * artifactId: none for {@code api.jar} or {@code api-1.4.0.jar}, {@code sources} for
 * {@code api-sources.jar} or {@code api-1.4.0-sources.jar}, {@code docs} for {@code docs.zip}. The release's
 * manifest is kept as the {@code release} classifier of type {@code json}, the promotion record as the
 * {@code promotion} classifier of type {@code json}, and {@code maven-metadata.xml}
 * beside the versions lists them. Every URL is built from validated, percent-encoded segments
 * ({@link UrlSegments}).
 */
final class MavenLayout {

    static final String MANIFEST_CLASSIFIER = "release";
    static final String MANIFEST_EXTENSION = "json";
    static final String METADATA = "maven-metadata.xml";
    static final String RECORD_CLASSIFIER = "promotion";
    static final String RECORD_EXTENSION = "json";
    static final String ATTESTATION_CLASSIFIER = "promotion";
    static final String ATTESTATION_EXTENSION = "intoto.json";
    private static final Pattern MAVEN_ID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String groupId;
    private final String artifactId;
    private final String version;
    private final String artifactDirectory;
    private final Map<String, String> files = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException naming the file or application that cannot be laid out, why, and
     *     what to do instead
     */
    MavenLayout(URI base, String configuredGroupId, Release release) {
        List<String> segments = List.of(release.application().split("/"));
        for (String segment : segments) {
            if (!MAVEN_ID.matcher(segment).matches()) {
                throw new IllegalArgumentException("The application name '" + release.application() + "' cannot be"
                        + " a Maven groupId and artifactId: '" + segment + "' holds a character other than letters,"
                        + " digits, '.', '_' and '-' (Maven allows no '+'). Name the application without it"
                        + " (application: '...').");
            }
        }
        StringBuilder group = new StringBuilder(configuredGroupId);
        segments.subList(0, segments.size() - 1)
                .forEach(segment -> group.append('.').append(segment));
        this.groupId = group.toString();
        this.artifactId = segments.get(segments.size() - 1);
        this.version = release.version();
        StringBuilder path = new StringBuilder(base.toASCIIString());
        for (String part : groupId.split("\\.", -1)) {
            path.append(UrlSegments.encode("groupId part of '" + UrlSegments.printable(groupId) + "'", part))
                    .append('/');
        }
        this.artifactDirectory = path.append(UrlSegments.encode("artifactId", artifactId))
                .append('/')
                .toString();
        Map<String, String> taken = new LinkedHashMap<>();
        taken.put(fileName(MANIFEST_CLASSIFIER, MANIFEST_EXTENSION), "the release's manifest");
        for (ReleaseFile file : release.files()) {
            String mavenName = mavenName(file.name());
            String other = taken.putIfAbsent(mavenName, "the file '" + file.name() + "'");
            if (other != null) {
                throw new IllegalArgumentException("The release " + release + " cannot be laid out in a Maven"
                        + " repository: its file '" + file.name() + "' and " + other + " would both be " + mavenName
                        + " (files are named <artifactId>-<version>[-<classifier>].<extension>, the classifier"
                        + " being what the file name adds to the artifactId '" + artifactId + "'). Rename one.");
            }
            files.put(file.name(), mavenName);
        }
    }

    String groupId() {
        return groupId;
    }

    String artifactId() {
        return artifactId;
    }

    /** The directory of the artifact's versions, which holds {@code maven-metadata.xml}. */
    URI artifactDirectory() {
        return URI.create(artifactDirectory);
    }

    /** The version's directory: where the release is. */
    URI versionDirectory() {
        return URI.create(artifactDirectory + UrlSegments.encode("version", version) + "/");
    }

    /** The URL of the release file named {@code name}. */
    URI file(String name) {
        return child(versionDirectory(), files.get(name));
    }

    /** The URL of the release's manifest. */
    URI manifest() {
        return child(versionDirectory(), fileName(MANIFEST_CLASSIFIER, MANIFEST_EXTENSION));
    }

    /** The URL of the promotion record: the {@code promotion} classifier of type {@code json}. */
    URI record() {
        return child(versionDirectory(), fileName(RECORD_CLASSIFIER, RECORD_EXTENSION));
    }

    /** The URL of the promotion's attestation: the {@code promotion} classifier of type {@code intoto.json}. */
    URI attestation() {
        return child(versionDirectory(), fileName(ATTESTATION_CLASSIFIER, ATTESTATION_EXTENSION));
    }

    /** The URL of the artifact's {@code maven-metadata.xml}. */
    URI metadata() {
        return child(artifactDirectory(), METADATA);
    }

    /** {@code file} with {@code suffix} ({@code .sha256}, {@code .sha1}) appended. */
    static URI checksum(URI file, String suffix) {
        return URI.create(file.toASCIIString() + suffix);
    }

    private String mavenName(String name) {
        ArtifactCoordinates coordinates = new ArtifactCoordinates(name, version);
        String extension = coordinates.extension();
        if (extension.isEmpty()) {
            throw new IllegalArgumentException("The artifact file name '" + name + "' has no extension, which a"
                    + " Maven repository needs as the artifact's type; give the file an extension such as .jar, .zip"
                    + " or .tar.gz.");
        }
        String base = coordinates.baseName();
        String versioned = artifactId + "-" + version;
        String classifier;
        if (base.equals(artifactId) || base.equals(versioned)) {
            classifier = "";
        } else if (base.startsWith(versioned + "-")) {
            classifier = base.substring(versioned.length() + 1);
        } else if (base.startsWith(artifactId + "-")) {
            classifier = base.substring(artifactId.length() + 1);
        } else {
            classifier = base;
        }
        return fileName(classifier, extension);
    }

    private String fileName(String classifier, String extension) {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
    }

    private static URI child(URI directory, String name) {
        return URI.create(directory.toASCIIString() + UrlSegments.encode("file name", name));
    }
}
