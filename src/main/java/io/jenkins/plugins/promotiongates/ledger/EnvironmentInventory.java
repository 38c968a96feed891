package io.jenkins.plugins.promotiongates.ledger;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.promotiongates.core.promotion.Inventory;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionEvents;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecord;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What is in each environment now: built from the audit ledger's promotion events on first use after
 * the controller starts (so it survives restarts without storing anything of its own), then kept up to
 * date by {@code promoteArtifact} after each completed promotion.
 */
@Extension
public final class EnvironmentInventory {

    private static final Logger LOGGER = Logger.getLogger(EnvironmentInventory.class.getName());

    private Inventory inventory;

    public static @NonNull EnvironmentInventory get() {
        return ExtensionList.lookupSingleton(EnvironmentInventory.class);
    }

    /** The inventory now; the first call reads the whole ledger once. */
    public synchronized @NonNull Inventory current() throws IOException {
        if (inventory == null) {
            PromotionEvents.Loaded loaded =
                    PromotionEvents.inventory(AuditLedger.get().service());
            loaded.ignored().forEach(problem -> LOGGER.log(Level.WARNING, problem));
            inventory = loaded.inventory();
        }
        return inventory;
    }

    /**
     * Adds a promotion whose event is recorded. Before the first {@link #current()} nothing is kept: the
     * ledger, which already holds the event, is read then. A record already present (read from the
     * ledger a moment ago) is not added twice.
     */
    public synchronized void add(@NonNull PromotionRecord record) {
        if (inventory != null && !inventory.records().contains(record)) {
            inventory = inventory.with(record);
        }
    }
}
