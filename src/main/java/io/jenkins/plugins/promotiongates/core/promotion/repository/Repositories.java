package io.jenkins.plugins.promotiongates.core.promotion.repository;

/** Opens the repository an environment's {@code repository} setting names. */
public final class Repositories {

    private final RetryPolicy retries;
    private final Sleeper sleeper;

    public Repositories(RetryPolicy retries, Sleeper sleeper) {
        this.retries = retries;
        this.sleeper = sleeper;
    }

    /** Real waits and the default retry policy. */
    public static Repositories standard() {
        return new Repositories(RetryPolicy.DEFAULT, Sleeper.REAL);
    }

    /**
     * @param setting the environment's {@code repository} value
     * @param environment the environment's name, for messages
     * @param credentials for a Maven repository, what the administrator configured (or {@link HttpCredentials#NONE})
     * @throws IllegalArgumentException if the setting is malformed or names an unknown scheme
     * @throws RepositoryException if a file repository's directory does not exist
     */
    public ArtifactRepository open(String setting, String environment, HttpCredentials credentials)
            throws RepositoryException {
        RepositoryConfig config = RepositoryConfig.parse(setting, "environments[" + environment + "].repository");
        if (config instanceof RepositoryConfig.FileSystem fs) {
            return new FileSystemRepository(fs.directory());
        }
        if (config instanceof RepositoryConfig.Maven maven) {
            return new MavenHttpRepository(maven.url(), maven.groupId(), credentials, retries, sleeper);
        }
        return new RecordOnlyRepository();
    }

    /** Whether the setting names a repository that needs HTTP credentials (a Maven repository). */
    public static boolean needsCredentials(String setting, String environment) {
        return RepositoryConfig.parse(setting, "environments[" + environment + "].repository")
                instanceof RepositoryConfig.Maven;
    }
}
