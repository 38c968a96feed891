package io.jenkins.plugins.promotiongates.listeners;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.EnvironmentNotifications;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.Deciders;
import io.jenkins.plugins.promotiongates.core.approval.Decision;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.notify.GateEvent;
import io.jenkins.plugins.promotiongates.core.notify.GateNotice;
import io.jenkins.plugins.promotiongates.core.notify.Reminder;
import io.jenkins.plugins.promotiongates.core.notify.RunLocation;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.release.ApprovalSubject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Hands a gate's events to every {@link GateListener}, off the decision path: the notice (with who is asked
 * to decide, from the engine) is built on a timer thread as SYSTEM, and each listener runs in its own task,
 * so that nothing a listener does, or fails to do, reaches the build or the person deciding.
 */
public final class GateNotifications {

    private static final Logger LOGGER = Logger.getLogger(GateNotifications.class.getName());

    private GateNotifications() {}

    /**
     * Announces {@code event}; returns at once and never throws.
     *
     * @param subject what the approvals are bound to, or {@code null}
     * @param decision the decision of a {@link GateEvent#DECIDED} event, else {@code null}
     * @param candidates the people who might be asked to decide under a policy, with their groups; called as
     *     SYSTEM on a timer thread, the engine picks among them
     */
    public static void announce(
            GateEvent event,
            Run<?, ?> run,
            RunLocation location,
            GateSnapshot gate,
            @CheckForNull ApprovalSubject subject,
            String message,
            @CheckForNull Decision decision,
            Function<EffectivePolicy, List<Approver>> candidates) {
        try {
            Timer.get().submit(() -> dispatch(event, run, location, gate, subject, message, decision, candidates));
        } catch (RuntimeException e) { // a controller shutting down
            LOGGER.log(Level.WARNING, "Could not announce " + event.wireName() + " of gate " + gate.gateId(), e);
        }
    }

    /**
     * When the people asked to decide at {@code gate} are reminded: the environment's {@code reminderBefore}
     * before the deadline (the engine's {@link Reminder}); empty for none, or when the setting cannot be read.
     */
    public static Optional<Instant> reminderAt(GateSnapshot gate) {
        EnvironmentConfig environment =
                EnvironmentNotifications.of(gate.policy().name());
        if (environment == null) {
            return Optional.empty();
        }
        try {
            return Reminder.at(gate, EnvironmentNotifications.reminderBefore(environment));
        } catch (InvalidPolicyException e) {
            LOGGER.warning("No reminder for gate " + gate.gateId() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void dispatch(
            GateEvent event,
            Run<?, ?> run,
            RunLocation location,
            GateSnapshot gate,
            ApprovalSubject subject,
            String message,
            Decision decision,
            Function<EffectivePolicy, List<Approver>> candidates) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            List<String> deciders = Deciders.among(gate, candidates.apply(gate.policy())).stream()
                    .map(Approver::userId)
                    .toList();
            Clock clock = Clock.systemUTC();
            String progress = ApprovalGate.restore(gate, clock).progress().summary();
            GateNotice notice = GateNotice.of(
                    event, gate, subject, location, message, progress, decision, deciders, clock.instant());
            for (GateListener listener : GateListener.all()) {
                Timer.get().submit(() -> call(listener, run, notice));
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not announce " + event.wireName() + " of gate " + gate.gateId(), e);
        }
    }

    private static void call(GateListener listener, Run<?, ?> run, GateNotice notice) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            listener.onEvent(run, notice);
        } catch (RuntimeException e) {
            LOGGER.log(
                    Level.WARNING,
                    listener.getClass().getName() + " failed on "
                            + notice.event().wireName() + " of gate " + notice.gateId() + " in "
                            + notice.run().describe(),
                    e);
        }
    }
}
