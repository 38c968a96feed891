package io.jenkins.plugins.promotiongates.core.evidence;

import java.util.List;

/**
 * One kind of file evidence with the policy's settings for it. Pure: the verdict depends only on the
 * documents, the settings and the context; hostile documents give a failed verdict, never an exception.
 */
public interface EvidenceCheck {

    /** Which kind of evidence this checks. */
    EvidenceKind kind();

    /**
     * Decides on {@code documents}, the evidence files the policy names, already bound to the release by
     * {@link EvidenceFiles}. Every problem in every document is reported at once.
     */
    EvidenceVerdict evaluate(List<EvidenceDocument> documents, EvidenceContext context);
}
