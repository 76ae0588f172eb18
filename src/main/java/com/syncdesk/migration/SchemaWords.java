package com.syncdesk.migration;

import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;

/** How SyncDesk words where a schema stands, the same in the console, the command line and the refusals. */
public final class SchemaWords {

    private SchemaWords() {
    }

    /** For a status bar: "Schema 10 (latest)", "Schema 4 of 10", "Schema 11 (newer than this SyncDesk)". */
    public static String headline(SchemaStatus status) {
        return switch (status.standing()) {
            case LATEST -> "Schema " + status.currentVersion() + " (latest)";
            case BEHIND -> "Schema " + status.currentVersion() + " of " + status.latestVersion();
            case NEWER -> "Schema " + status.currentVersion() + " (newer than this SyncDesk)";
            case FAILED -> "Schema " + status.currentVersion() + " (a migration failed)";
        };
    }

    /** The standing in a phrase: "latest", "behind: 3 pending, latest is 10", "newer than this SyncDesk, which knows up to 10". */
    public static String standing(SchemaStatus status) {
        return switch (status.standing()) {
            case LATEST -> "latest";
            case BEHIND -> "behind: " + status.pending().size() + " pending, latest is " + status.latestVersion();
            case NEWER -> "newer than this SyncDesk, which knows up to " + status.latestVersion();
            case FAILED -> "a migration failed";
        };
    }

    /** What the standing means for the operator, in a sentence or two; empty at the latest version. */
    public static String explanation(SchemaStatus status) {
        return switch (status.standing()) {
            case LATEST -> "";
            case BEHIND -> "This database's schema is at version " + status.currentVersion() + "; SyncDesk works with version "
                    + status.latestVersion() + ". Upgrade it to see and act on its sync states (a backup is not needed to go up).";
            case NEWER -> "This database was upgraded by a newer SyncDesk (schema " + status.currentVersion() + "; this version knows up to "
                    + status.latestVersion() + "). SyncDesk will not read it and will not change the schema: use the newer version.";
            case FAILED -> "A migration failed part-way. Restore a backup, or check the schema and run Repair from the command line.";
        };
    }

    /**
     * Refuses a target between known versions (a gap such as 6, which only the original system's legacy databases
     * have), naming the nearest lower version: moving "to 6" would silently end elsewhere. Targets beyond every
     * known version are left to the migration's own check.
     */
    public static void checkNamedVersion(SchemaStatus status, int target) {
        boolean beyond = status.migrations().stream().allMatch(m -> m.version() < target);
        if (target > 0 && !beyond && !status.namesVersion(target)) {
            int nearest = status.nearestNamedVersionBelow(target);
            throw new IllegalArgumentException("Version " + target + " is not part of this schema; the nearest lower version is " + nearest
                    + ". Name " + nearest + " to go there; nothing was changed.");
        }
    }

    /** The refusal of a schema newer than this SyncDesk. */
    public static DatabaseException newerRefusal(SchemaStatus status, String where) {
        return new DatabaseException(Reason.NEWER_SCHEMA, "The schema of " + where + " is at version " + status.currentVersion()
                + ", newer than this SyncDesk knows (" + status.latestVersion() + "). Use a newer SyncDesk; nothing was changed.");
    }

    /** The refusal of a history that records a failed migration. */
    public static DatabaseException failedRefusal(String where) {
        return new DatabaseException(Reason.FAILED_MIGRATION, "The history of " + where
                + " shows a failed migration. Check the schema (or restore a backup), then run repair; nothing was changed.");
    }

    /** Why work on the sync data cannot start on this schema: it must be at the latest version. */
    public static DatabaseException notAtLatestRefusal(SchemaStatus status, String where) {
        return switch (status.standing()) {
            case NEWER -> newerRefusal(status, where);
            case FAILED -> failedRefusal(where);
            case BEHIND, LATEST -> status.currentVersion() == 0
                    ? new DatabaseException(Reason.SCHEMA_BEHIND, where + " holds no SyncDesk schema yet (version 0). Run migrate to create it; "
                            + "nothing was changed.")
                    : new DatabaseException(Reason.SCHEMA_BEHIND, "The schema of " + where + " is at version " + status.currentVersion()
                            + "; upgrade it to " + status.latestVersion() + " first (migrate). Nothing was changed.");
        };
    }
}
