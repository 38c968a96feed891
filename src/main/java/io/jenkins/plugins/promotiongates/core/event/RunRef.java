package io.jenkins.plugins.promotiongates.core.event;

import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.nio.file.Path;

/**
 * A run, as the glue names it to the engine: the run an event belongs to, the run that promotes,
 * the run a record points back to.
 *
 * @param job the job's full name, such as {@code folder/app}
 * @param build the build number (1 or more)
 * @param url the run's URL relative to the Jenkins root, such as {@code job/folder/job/app/42/}; may be empty
 * @param directory the run's build directory, where the audit keeps the run's copy of its chain; {@code null}
 *     when the reference is only used to name the run (a promotion record, an external check)
 */
public record RunRef(String job, long build, String url, Path directory) {

    public RunRef {
        if (job == null || job.isBlank()) {
            throw new IllegalArgumentException("A run needs its job's full name; got '" + job + "'.");
        }
        if (build < 1 || build > CanonicalJson.MAX_INTEGER) {
            throw new IllegalArgumentException(
                    "Build number " + build + " of job '" + job + "' is not a positive number.");
        }
        url = url == null ? "" : url;
    }

    /** A run named without its build directory. */
    public RunRef(String job, long build, String url) {
        this(job, build, url, null);
    }

    /** The same run, with the build directory where the audit keeps its copy of the chain. */
    public RunRef withDirectory(Path value) {
        return new RunRef(job, build, url, value);
    }

    /** {@code job#build}, as records and the inventory show it. */
    public String id() {
        return job + "#" + build;
    }
}
