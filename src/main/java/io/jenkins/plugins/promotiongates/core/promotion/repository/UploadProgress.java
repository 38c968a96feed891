package io.jenkins.plugins.promotiongates.core.promotion.repository;

import io.jenkins.plugins.promotiongates.core.release.Release;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one release's upload to a Maven repository has put on the server so far, out of what it planned.
 * An HTTP repository cannot hide a file once it is uploaded, so when the upload fails midway the
 * exception says exactly which files are there now and which are not.
 */
final class UploadProgress {

    private final Release release;
    private final MavenLayout layout;
    private final Set<URI> planned = new LinkedHashSet<>();
    private final List<URI> uploaded = new ArrayList<>();

    UploadProgress(Release release, MavenLayout layout) {
        this.release = release;
        this.layout = layout;
    }

    /** Adds {@code uri} to what is to be uploaded, in order. */
    void plan(URI uri) {
        planned.add(uri);
    }

    /** Records that {@code uri} is on the server now. */
    void uploaded(URI uri) {
        uploaded.add(uri);
    }

    boolean anyUploaded() {
        return !uploaded.isEmpty();
    }

    /**
     * The exception for a failure after the upload started: {@code cause}'s message, then what was uploaded
     * and what was not, whether the version is visible in the metadata, and that promoting again resumes.
     */
    RepositoryException failed(RepositoryException cause) {
        if (uploaded.isEmpty()) {
            RepositoryException nothing = new RepositoryException(
                    cause.getMessage() + " Nothing was uploaded to " + layout.versionDirectory() + ".",
                    cause.isRefusal());
            nothing.initCause(cause);
            return nothing;
        }
        List<URI> missing = new ArrayList<>(planned);
        missing.removeAll(uploaded);
        boolean listed = uploaded.contains(layout.metadata());
        RepositoryException failure = new RepositoryException(
                "Publishing " + release + " to " + layout.versionDirectory() + " failed midway: "
                        + cause.getMessage() + " The server cannot hide uploaded files, so these " + uploaded.size()
                        + " are on it now: " + join(uploaded) + ". Not uploaded (" + missing.size() + "): "
                        + join(missing) + ". "
                        + (listed
                                ? layout.metadata() + " lists " + release.version() + " already. "
                                : layout.metadata() + " was not updated, so Maven clients resolving versions (a"
                                        + " range, LATEST, RELEASE) do not see " + release.version()
                                        + "; one asking for exactly that version finds the files above. ")
                        + "Promote again once the cause is fixed: files already there with this release's digests"
                        + " are kept, the rest is uploaded, and the metadata is written last.",
                cause.isRefusal());
        failure.initCause(cause);
        return failure;
    }

    private static String join(List<URI> uris) {
        List<String> text = new ArrayList<>();
        uris.forEach(uri -> text.add(uri.toString()));
        return text.isEmpty() ? "none" : String.join(", ", text);
    }
}
