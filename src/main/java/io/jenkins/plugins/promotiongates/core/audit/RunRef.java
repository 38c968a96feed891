package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The run that an event belongs to, as the glue sees it.
 *
 * @param job the job's full name, such as {@code folder/app}
 * @param build the build number (1 or more)
 * @param url the run's URL relative to the Jenkins root, such as {@code job/folder/job/app/42/}
 * @param directory the run's build directory, where its chain file {@value RunFile#NAME} lives
 */
public record RunRef(String job, long build, String url, Path directory) {

    public RunRef {
        Objects.requireNonNull(directory, "directory");
        if (job == null || job.isEmpty()) {
            throw new IllegalArgumentException("A run needs its job's full name; got an empty name.");
        }
        if (build < 1 || build > CanonicalJson.MAX_INTEGER) {
            throw new IllegalArgumentException(
                    "Build number " + build + " of job '" + job + "' is not a positive number.");
        }
        url = url == null ? "" : url;
    }

    RunKey key() {
        return new RunKey(job, build);
    }
}
