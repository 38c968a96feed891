package io.jenkins.plugins.promotiongates.core.notify;

/**
 * Where a gate is, as the glue read it from Jenkins.
 *
 * @param job the job's full name
 * @param number the run's number
 * @param runUrl the run's page, absolute when Jenkins knows its root URL
 * @param gateUrl the gate's page, where it is decided; absolute when Jenkins knows its root URL
 */
public record RunLocation(String job, int number, String runUrl, String gateUrl) {

    public RunLocation {
        job = job == null ? "" : job;
        runUrl = runUrl == null ? "" : runUrl;
        gateUrl = gateUrl == null ? "" : gateUrl;
    }

    /** {@code job #42}. */
    public String describe() {
        return job + " #" + number;
    }
}
