package io.jenkins.plugins.promotiongates.gates;

import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import io.jenkins.plugins.promotiongates.ledger.ReleaseFileRow;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What a gate's approvals are bound to, as its page and {@code api/json} show it: the application, version
 * and files the bound digest stands for. Only the digest binds.
 */
@ExportedBean(defaultVisibility = 2)
public final class ApprovalSubjectView {

    private final ApprovalSubject subject;

    ApprovalSubjectView(ApprovalSubject subject) {
        this.subject = subject;
    }

    /** {@code RELEASE} (a release digest), {@code FILE} (one file's digest) or {@code DIGEST} (given as is). */
    @Exported
    public String getKind() {
        return subject.kind().name();
    }

    /** The bound digest, {@code sha256:<hex>}: the evidence's {@code artifactDigest}. */
    @Exported
    public String getDigest() {
        return subject.digest().toString();
    }

    /** The application; empty for a release digest this controller has not promoted. */
    @Exported
    public String getApplication() {
        return subject.application();
    }

    /** The version; empty for one file's digest or an unknown release digest. */
    @Exported
    public String getVersion() {
        return subject.version();
    }

    /** The files, by name; empty for an unknown release digest. */
    @Exported(inline = true)
    public List<ReleaseFileRow> getFiles() {
        return subject.files().stream().map(ReleaseFileRow::new).toList();
    }

    /** In words, such as {@code shop 1.4.0 (2 files: app.tar.gz, sbom.json), release digest sha256:…}. */
    public String getDescription() {
        return subject.describe();
    }
}
