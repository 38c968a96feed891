package io.jenkins.plugins.promotiongates.core.audit;

/**
 * File names for downloaded audit documents, such as {@code team-app-42-bundle.json}: only
 * letters, digits, dots, dashes and underscores, whatever the job is called, so that a name can
 * never break out of a {@code Content-Disposition} header or a shell command.
 */
public final class AuditFileNames {

    private AuditFileNames() {}

    public static String of(String jobFullName, long build, String kind) {
        String job = jobFullName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return (job.isEmpty() ? "job" : job) + "-" + build + "-" + kind + ".json";
    }
}
