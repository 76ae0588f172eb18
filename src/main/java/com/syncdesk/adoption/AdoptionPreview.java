package com.syncdesk.adoption;

import java.nio.file.Path;

import com.syncdesk.migration.MigrationCatalog;

/**
 * What adopt would do to a sprint-reports database, computed without changing anything.
 *
 * @param plan         every statement, in order, in one transaction
 * @param report       what the statements convert, counted in the database
 * @param backupFolder where the backup of every table goes before anything changes
 */
public record AdoptionPreview(Recognition recognition, AdoptionPlan plan, ConversionReport report, Path backupFolder) {

    /** What follows the adoption's transaction: the later versions, each an ordinary upgrade; empty when there are none. */
    public String upgradesAfter() {
        int latest = MigrationCatalog.latestVersion();
        return latest == AdoptionPlan.ADOPTED_VERSION ? "" : "Then the schema is upgraded from version " + AdoptionPlan.ADOPTED_VERSION
                + " to " + latest + ", each version in its own transaction as migrate does; if one of them fails, the database stays adopted "
                + "at the last version that succeeded and migrate finishes the upgrade.";
    }

    /** How to go back afterwards, in words; the downgrade preview of an adopted database says the same. */
    public String wayBack() {
        return "The way back: SyncDesk has no schema below version " + AdoptionPlan.ADOPTED_VERSION + " for this database. Restoring the backup "
                + "taken first (restore BACKUP; backups lists it as \"before adoption\") gives back the sprint-reports database as it is now: "
                + "its enum types, values and alembic_version row.";
    }
}
