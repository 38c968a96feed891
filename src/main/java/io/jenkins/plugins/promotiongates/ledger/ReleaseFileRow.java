package io.jenkins.plugins.promotiongates.ledger;

import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One file of a release as pages and {@code api/json} show it: name, digest and size. */
@ExportedBean(defaultVisibility = 3)
public final class ReleaseFileRow {

    private final ReleaseFile file;

    public ReleaseFileRow(ReleaseFile file) {
        this.file = file;
    }

    @Exported
    public String getName() {
        return file.name();
    }

    /** {@code sha256:<hex>}, computed by the controller from the bytes it read. */
    @Exported
    public String getDigest() {
        return file.digest().toString();
    }

    /**
     * The size in bytes; -1 for a promotion recorded before releases that did not know it. Exported as
     * {@code size}; views say {@code file.bytes}, as JEXL 1.x reads {@code x.size} as a collection's size.
     */
    @Exported(name = "size")
    public long getBytes() {
        return file.size();
    }
}
