package com.syncdesk.migration;

import java.util.Comparator;
import java.util.List;

/**
 * Where a database's schema stands.
 *
 * @param currentVersion the highest applied version, 0 for an empty database
 * @param latestVersion  the newest version this SyncDesk knows
 */
public record SchemaStatus(int currentVersion, int latestVersion, List<MigrationEntry> migrations) {

    public boolean isLatest() {
        return currentVersion == latestVersion;
    }

    public boolean isBehind() {
        return currentVersion < latestVersion;
    }

    public boolean isNewerThanApp() {
        return currentVersion > latestVersion;
    }

    public boolean hasFailedMigration() {
        return migrations.stream().anyMatch(m -> m.state() == MigrationState.FAILED);
    }

    public List<MigrationEntry> pending() {
        return migrations.stream().filter(m -> m.state().isPending()).toList();
    }

    /** The versions in the schema (applied or tolerated as missing), newest first. */
    public List<MigrationEntry> inSchemaNewestFirst() {
        return migrations.stream().filter(m -> m.state().isInSchema())
                .sorted(Comparator.comparingInt(MigrationEntry::version).reversed()).toList();
    }
}
