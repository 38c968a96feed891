package io.jenkins.plugins.promotiongates.core.policy;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a step asks on top of the administrator's policy. Each part is optional ({@code null}: not
 * given) and may only tighten: {@link PolicyTightener} refuses anything that would loosen.
 *
 * @param count raises every approval rule's count to this number
 * @param approvers narrows eligibility to these user ids (intersected with each rule)
 * @param timeout a gate timeout no longer than the environment's {@code gateTimeout}
 * @param validity an approval validity no longer than the environment's {@code approvalValidity}
 * @param repository must equal the environment's {@code repository} if given
 */
public record Tightening(Integer count, List<String> approvers, Duration timeout, Duration validity, String repository)
        implements Serializable {

    /** A step that asks for nothing more than the policy. */
    public static final Tightening NONE = new Tightening(null, null, null, null, null);

    public Tightening {
        // Not List.copyOf: a null name must reach PolicyTightener, which names it, rather than fail here.
        approvers = approvers == null ? null : Collections.unmodifiableList(new ArrayList<>(approvers));
    }

    public Tightening withCount(Integer value) {
        return new Tightening(value, approvers, timeout, validity, repository);
    }

    public Tightening withApprovers(List<String> value) {
        return new Tightening(count, value, timeout, validity, repository);
    }

    public Tightening withTimeout(Duration value) {
        return new Tightening(count, approvers, value, validity, repository);
    }

    public Tightening withValidity(Duration value) {
        return new Tightening(count, approvers, timeout, value, repository);
    }

    public Tightening withRepository(String value) {
        return new Tightening(count, approvers, timeout, validity, value);
    }
}
