package io.jenkins.plugins.promotiongates.core.signature.verification;

import io.jenkins.plugins.promotiongates.core.artifact.Workspace;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import java.io.IOException;
import java.util.List;

/**
 * Finds the detached signature of an artifact when the user names none: the first existing file
 * among the artifact's name followed by the usual signature extensions.
 */
public final class SignatureLocator {

    /** The extensions tried, in order: what each format's tools write ({@link SignatureFormat}). */
    public static final List<String> EXTENSIONS = SignatureFormat.allWrittenSuffixes();

    private SignatureLocator() {}

    /**
     * @param artifact the file the signature is over; it must itself be a file inside the workspace
     * @return {@code signature} when given, else the first candidate that exists as a regular file
     *     inside the workspace
     * @throws IOException naming the artifact, every name tried, and the remedy
     */
    public static String locate(Workspace workspace, String artifact, String signature) throws IOException {
        workspace.file(artifact);
        if (signature != null && !signature.isBlank()) {
            return signature;
        }
        for (String extension : EXTENSIONS) {
            String candidate = artifact + extension;
            if (workspace.hasFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException("No signature found for '" + artifact + "': tried " + artifact + "{"
                + String.join(",", EXTENSIONS) + "}. Pass signature: 'path/to/file' or put the signature next to"
                + " the artifact.");
    }
}
