package io.jenkins.plugins.promotiongates.runs;

import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One change an environment has not received: the build that brought it, its author and message. */
@ExportedBean(defaultVisibility = 3)
public final class ChangeRow {

    private final int build;
    private final String author;
    private final String message;

    ChangeRow(int build, String author, String message) {
        this.build = build;
        this.author = author;
        this.message = message == null ? "" : message;
    }

    /** The number of the job's build whose changelog has it. */
    @Exported
    public int getBuild() {
        return build;
    }

    /** The user id Jenkins mapped the commit's author to (advisory: a commit names whom it likes). */
    @Exported
    public String getAuthor() {
        return author;
    }

    @Exported
    public String getMessage() {
        return message;
    }
}
