package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.net.URI;

/** Turns an HTTP error status from a repository into a message with its likely cause and remedy. */
final class HttpStatusExplanation {

    private HttpStatusExplanation() {}

    static RepositoryException explain(String action, URI uri, int status, HttpCredentials credentials) {
        String what = action + " " + uri + " failed with HTTP " + status;
        String why =
                switch (status) {
                    case 401 ->
                        ": the repository did not accept the credentials (" + credentials
                                + "). Check the credentials id configured for this environment's repository and"
                                + " that its username and password or token are current.";
                    case 403 ->
                        ": the credentials (" + credentials + ") may not write there. Give that user"
                                + " deploy (write) permission on the repository, and make sure the URL names a"
                                + " hosted repository, not a proxy or group.";
                    case 404 ->
                        ": the repository does not exist at that URL. Check the URL in the"
                                + " environment's repository setting (for Nexus: .../repository/<name>/).";
                    case 405 ->
                        ": the server does not accept uploads there. Use the URL of a hosted"
                                + " repository that accepts PUT (WebDAV), not a read-only, proxy or group one.";
                    case 409, 400 ->
                        ": the repository refused the file, as release repositories do when"
                                + " the version exists or the layout or version policy (release/snapshot) does not"
                                + " allow it. Promote under a new version, or check the repository's"
                                + " deployment and version policies.";
                    case 412 ->
                        ": the file appeared on the server while promoting. Promote again to see"
                                + " whether it holds this digest.";
                    case 413 ->
                        ": the file is larger than the server accepts. Raise the server's upload"
                                + " limit (nginx: client_max_body_size).";
                    default -> ". Check the repository server's log for the cause.";
                };
        return new RepositoryException(what + why, false);
    }
}
