package io.jenkins.plugins.promotiongates.core.evidence;

import java.util.List;

/**
 * The outcome of one kind of evidence, with every problem found, not only the first.
 *
 * @param kind which evidence
 * @param outcome passed, failed, or (an external check only) pending
 * @param message what was checked and what was found, naming the files and settings involved
 * @param problems each failure on its own, in the order found; empty unless failed
 * @param remedy what would make it pass (or, pending, when it is asked again); empty when passed
 */
public record EvidenceVerdict(
        EvidenceKind kind, Outcome outcome, String message, List<String> problems, String remedy) {

    /** Whether the evidence holds. */
    public enum Outcome {
        PASSED,
        FAILED,
        /** Not decided yet: keep the gate waiting and ask again later. */
        PENDING
    }

    public EvidenceVerdict {
        problems = List.copyOf(problems);
        remedy = remedy == null ? "" : remedy;
    }

    public static EvidenceVerdict passed(EvidenceKind kind, String message) {
        return new EvidenceVerdict(kind, Outcome.PASSED, message, List.of(), "");
    }

    public static EvidenceVerdict failed(EvidenceKind kind, String message, List<String> problems, String remedy) {
        return new EvidenceVerdict(kind, Outcome.FAILED, message, problems, remedy);
    }

    /** A failure with a single problem: a file that could not be read or bound to the release. */
    public static EvidenceVerdict refused(EvidenceKind kind, EvidenceRefusedException refusal) {
        return failed(kind, refusal.getMessage(), List.of(refusal.getMessage()), refusal.remedy());
    }

    public static EvidenceVerdict pending(EvidenceKind kind, String message, String remedy) {
        return new EvidenceVerdict(kind, Outcome.PENDING, message, List.of(), remedy);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** One line, as a gate result prints it: {@code [FAIL] sbom: message: problem; problem. Remedy: ...}. */
    public String line() {
        String mark =
                switch (outcome) {
                    case PASSED -> "[ok]   ";
                    case FAILED -> "[FAIL] ";
                    case PENDING -> "[wait] ";
                };
        return mark + kind.label() + ": " + summary() + (remedy.isEmpty() ? "" : ". Remedy: " + remedy);
    }

    /** The message with every problem that it does not already say: {@code message: problem; problem}. */
    public String summary() {
        String details =
                problems.size() > 1 || problems.size() == 1 && !problems.get(0).equals(message)
                        ? ": " + String.join("; ", problems)
                        : "";
        return message + details;
    }
}
