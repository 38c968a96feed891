package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.IOException;
import java.util.Collection;

/**
 * A tree of files a release can be taken from, whose files can be listed by pattern: a workspace (read by
 * the controller over the agent channel) or a run's archived artifacts. Listing only chooses which files
 * to read: whoever reads them hashes the bytes it reads, so a tree that lists wrongly can make a release
 * fail or differ, never make a gate believe a digest it did not compute.
 */
public interface FileTree extends Workspace {

    /**
     * The files that one Ant-style pattern (such as {@code dist/*.tar.gz} or {@code dist/**}) matches, as
     * {@code /}-separated paths relative to the tree's root, in any order; directories are not listed.
     *
     * @param pattern one pattern, already checked by the engine: relative, no {@code ..}, no {@code \}
     */
    Collection<String> list(String pattern) throws IOException;

    /** What the tree is, for messages: {@code the workspace}, {@code the run's archived artifacts}. */
    String description();
}
