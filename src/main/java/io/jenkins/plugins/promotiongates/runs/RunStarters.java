package io.jenkins.plugins.promotiongates.runs;

import hudson.model.Cause;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.springframework.security.core.Authentication;

/**
 * The users behind a run, as Jenkins recorded them in its causes: the user who started it, and every
 * user who started a run upstream of it ({@code build job:}), through the upstream causes Jenkins copied
 * into the run and through the upstream runs themselves (Jenkins trims the copied chain after ten
 * levels). Breadth first, so the run's own starter comes first, then the nearest upstream ones.
 * At most {@link #MAX_RUNS} upstream runs are visited. Upstream runs are looked up as SYSTEM, so that
 * a build whose authentication cannot see its upstream job still has that job's starter as its own.
 * Last, the user the Pipeline runs as (its authentication, set by an administrator's authorization
 * strategy such as Authorize Project), when that is a person rather than SYSTEM or anonymous: whoever
 * the build acts as is behind it.
 */
final class RunStarters {

    /** Upstream runs visited at most, however the chain branches. */
    static final int MAX_RUNS = 100;

    private RunStarters() {}

    /** Raw user ids, in the order found, repeats removed. */
    static List<String> of(Run<?, ?> run) {
        Set<String> starters = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        Deque<Cause> causes = new ArrayDeque<>(run.getCauses());
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            while (!causes.isEmpty()) {
                Cause cause = causes.poll();
                if (cause instanceof Cause.UserIdCause user && user.getUserId() != null) {
                    starters.add(user.getUserId());
                } else if (cause instanceof Cause.UpstreamCause upstream
                        && visited.size() < MAX_RUNS
                        && visited.add(upstream.getUpstreamProject() + "#" + upstream.getUpstreamBuild())) {
                    causes.addAll(upstream.getUpstreamCauses());
                    Run<?, ?> upstreamRun = upstream.getUpstreamRun();
                    if (upstreamRun != null) {
                        causes.addAll(upstreamRun.getCauses());
                    }
                }
            }
        }
        runsAs(run).ifPresent(starters::add);
        return new ArrayList<>(starters);
    }

    /** The person a Pipeline run acts as, if it acts as one. */
    private static Optional<String> runsAs(Run<?, ?> run) {
        if (!(run instanceof FlowExecutionOwner.Executable executable)) {
            return Optional.empty();
        }
        try {
            FlowExecutionOwner owner = executable.asFlowExecutionOwner();
            if (owner == null) {
                return Optional.empty();
            }
            Authentication authentication = owner.get().getAuthentication2();
            String name = authentication.getName();
            return ACL.isAnonymous2(authentication) || ACL.SYSTEM_USERNAME.equals(name)
                    ? Optional.empty()
                    : Optional.of(name);
        } catch (IOException e) {
            return Optional.empty(); // no program loaded (not a running Pipeline): its causes are all there is
        }
    }
}
