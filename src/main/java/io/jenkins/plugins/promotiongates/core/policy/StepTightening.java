package io.jenkins.plugins.promotiongates.core.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tightening arguments of {@code requireApprovals} as a Jenkinsfile writes them:
 * {@code count: 3}, {@code approvers: 'alice, bob'}, {@code timeout: '4h'}, {@code validity: '1h'}.
 * A blank text argument counts as not given, as an empty form field does.
 */
public final class StepTightening {

    private StepTightening() {}

    /**
     * @throws InvalidPolicyException naming every malformed argument at once
     */
    public static Tightening parse(Integer count, String approvers, String timeout, String validity) {
        List<PolicyProblem> problems = new ArrayList<>();
        Duration parsedTimeout = duration("timeout", timeout, problems);
        Duration parsedValidity = duration("validity", validity, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        List<String> names = approvers == null || approvers.isBlank() ? null : NameList.parse(approvers);
        return new Tightening(count, names, parsedTimeout, parsedValidity, null);
    }

    private static Duration duration(String argument, String text, List<PolicyProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DurationText.parse(argument, text);
        } catch (InvalidPolicyException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
