package io.jenkins.plugins.promotiongates.core.audit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's build directory is, supplied by the glue (for example
 * {@code Jenkins.get().getItemByFullName(job, Job.class).getBuildByNumber(build).getRootDir()}).
 * Used when the ledger opens, to complete run files that a crash left one write behind the ledger.
 */
@FunctionalInterface
public interface RunDirectories {

    /** The build directory of {@code job} #{@code build}, or empty if the run no longer exists. */
    Optional<Path> directoryOf(String job, long build);

    /** For callers that cannot resolve runs: run files are then completed lazily, when the run records again. */
    RunDirectories NONE = (job, build) -> Optional.empty();
}
