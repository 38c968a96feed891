package io.jenkins.plugins.promotiongates.core.evidence.external;

import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body the controller POSTs to an external check, as canonical JSON (UTF-8, keys sorted):
 * <pre>{@code
 * {"application": "hello-service", "environment": "production",
 *  "files": [{"digest": "sha256:...", "name": "app.jar", "size": 1234}],
 *  "release": "sha256:<release digest>", "request": 1,
 *  "run": {"job": "folder/app", "number": 42, "url": "job/folder/job/app/42/"},
 *  "version": "1.4.2"}
 * }</pre>
 * Everything in it is public to whoever runs the endpoint: no secret, no file content.
 */
public final class ExternalCheckRequest {

    /** The body's format, written as {@code "request": 1}. */
    public static final int FORMAT = 1;

    private ExternalCheckRequest() {}

    /**
     * The body asking whether {@code release}, built by run {@code number} of {@code job}, may enter
     * {@code environment}.
     *
     * @param url the run's URL relative to the Jenkins root, such as {@code job/folder/job/app/42/}
     */
    public static byte[] body(Release release, String environment, String job, long number, String url) {
        Map<String, Object> runTree = new LinkedHashMap<>();
        runTree.put("job", job);
        runTree.put("number", number);
        runTree.put("url", url);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("request", FORMAT);
        tree.put("application", release.application());
        tree.put("version", release.version());
        tree.put("release", release.digest().toString());
        tree.put("files", ReleaseJson.files(release));
        tree.put("environment", environment);
        tree.put("run", runTree);
        return CanonicalJson.writeValue(tree);
    }
}
