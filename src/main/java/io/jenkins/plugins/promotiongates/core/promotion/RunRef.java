package io.jenkins.plugins.promotiongates.core.promotion;

/**
 * The run that promotes, as the glue identifies it.
 *
 * @param job the job's full name, such as {@code shop/main}
 * @param number the build number
 * @param url the run's URL relative to the Jenkins root, such as {@code job/shop/job/main/42/}; may be empty
 */
public record RunRef(String job, int number, String url) {

    public RunRef {
        if (job == null || job.isBlank() || number < 1) {
            throw new IllegalArgumentException(
                    "A run needs a job name and a build number of at least 1, not '" + job + "' #" + number);
        }
        url = url == null ? "" : url;
    }

    /** {@code job#number}, as records and the inventory show it. */
    public String id() {
        return job + "#" + number;
    }
}
