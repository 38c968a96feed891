package io.jenkins.plugins.promotiongates.ledger;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.ItemListener;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.SinkConfig;
import io.jenkins.plugins.promotiongates.core.sink.DeliveryPolicy;
import io.jenkins.plugins.promotiongates.core.sink.InvalidSinkException;
import io.jenkins.plugins.promotiongates.core.sink.SinkFeed;
import io.jenkins.plugins.promotiongates.core.sink.SinkSettings;
import io.jenkins.plugins.promotiongates.core.sink.SinkStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Runs the configured sinks: once the jobs are loaded (so that the ledger may open) and after each
 * save of the Promotion Gates configuration, it attaches the engine's {@link SinkFeed} to the ledger
 * and gives it the sinks; before Jenkins shuts down it stops them. Queues live in
 * {@code JENKINS_HOME/promotion-gates/sinks/<name>/}.
 */
@Extension
public final class AuditSinks extends ItemListener {

    private static final Logger LOGGER = Logger.getLogger(AuditSinks.class.getName());

    private SinkFeed feed;
    private List<SinkConfig> applied = List.of();
    private boolean loaded;

    public static @NonNull AuditSinks get() {
        return ExtensionList.lookupSingleton(AuditSinks.class);
    }

    @Override
    public void onLoaded() {
        synchronized (this) {
            loaded = true;
        }
        applyLater();
    }

    @Override
    public void onBeforeShutdown() {
        SinkFeed stopping;
        synchronized (this) {
            loaded = false;
            stopping = feed;
            feed = null;
            applied = List.of();
        }
        if (stopping != null) {
            try {
                stopping.close();
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Promotion Gates: stopping the audit sinks failed", e);
            }
        }
    }

    /** Each sink's backlog for the ledger page; empty when none is configured. */
    public synchronized List<SinkStatus> statuses() {
        return feed == null ? List.of() : feed.statuses();
    }

    private void applyLater() {
        Timer.get().execute(this::apply);
    }

    /** Gives the feed the configured sinks, unless they are the ones it has. */
    private synchronized void apply() {
        List<SinkConfig> configured = PromotionGatesConfiguration.get().getSinks();
        if (!loaded || sameInstances(configured, applied) || configured.isEmpty() && feed == null) {
            return;
        }
        try {
            List<SinkSettings> settings = new ArrayList<>();
            String hostname = localHostname();
            for (SinkConfig sink : configured) {
                settings.add(sink.toSettings(hostname));
            }
            if (feed == null) {
                feed = new SinkFeed(
                        AuditLedger.home().resolve("sinks"),
                        DeliveryPolicy.DEFAULT,
                        Clock.systemUTC(),
                        new SplittableRandom());
                feed.attach(AuditLedger.get().service());
            }
            feed.configure(settings);
            applied = configured;
        } catch (IOException | InvalidSinkException e) {
            LOGGER.log(Level.WARNING, "Promotion Gates: the audit sinks cannot start: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean sameInstances(List<SinkConfig> a, List<SinkConfig> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }

    /** Applies the sinks again whenever the Promotion Gates configuration is saved. */
    @Extension
    public static final class ConfigurationSaved extends SaveableListener {

        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (o instanceof PromotionGatesConfiguration) {
                AuditSinks.get().applyLater();
            }
        }
    }
}
