package io.jenkins.plugins.promotiongates.core.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem a check finds, each with its remedy, and turns them into one verdict: failed with
 * all problems and their distinct remedies, or passed.
 */
public final class EvidenceProblems {

    private final EvidenceKind kind;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> remedies = new LinkedHashSet<>();

    public EvidenceProblems(EvidenceKind kind) {
        this.kind = kind;
    }

    /** Adds one problem and what would fix it. */
    public void add(String problem, String remedy) {
        problems.add(problem);
        if (remedy != null && !remedy.isEmpty()) {
            remedies.add(remedy);
        }
    }

    /** Adds a refused file as a problem. */
    public void add(EvidenceRefusedException refusal) {
        add(refusal.getMessage(), refusal.remedy());
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * Failed, with {@code failure} as the message, when any problem was added; passed with {@code success}
     * otherwise.
     */
    public EvidenceVerdict verdict(String success, String failure) {
        if (problems.isEmpty()) {
            return EvidenceVerdict.passed(kind, success);
        }
        return EvidenceVerdict.failed(kind, failure, problems, String.join("; ", remedies));
    }
}
