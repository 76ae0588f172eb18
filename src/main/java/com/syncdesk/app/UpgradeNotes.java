package com.syncdesk.app;

import com.syncdesk.migration.Drop;
import com.syncdesk.migration.Reapplied;

/** What an upgrade does not bring back, in the words the console's confirmation and {@code syncdesk preview} share. */
public final class UpgradeNotes {

    private UpgradeNotes() {
    }

    /**
     * e.g. "Version 9 (add row versions and audit) was undone by the downgrade of Dec 1, 2026, 2:29:33 PM CET (alice).
     * Upgrading brings back table audit_log empty: the values dropped then are not restored; restore the backup taken
     * then (…, /path) to get them back."
     */
    public static String notRestored(Reapplied version, Texts texts) {
        String dropped = String.join(", ", version.drops().stream().map(Drop::describe).toList());
        String backup = version.backup().map(b -> "restore the backup taken then (" + texts.timestamp(b.takenAt()) + ", "
                + b.location() + ") to get them back.").orElse("no backup taken before it holds them.");
        return "Version " + version.version() + " (" + version.description() + ") was undone by the downgrade of "
                + texts.timestamp(version.undoneAt()) + " (" + version.undoneBy() + "). Upgrading brings back " + dropped
                + " empty: the values dropped then are not restored; " + backup;
    }
}
