package com.syncdesk.migration;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a database's schema stands.
 *
 * @param currentVersion the highest applied version, 0 for an empty database
 * @param latestVersion  the newest version this SyncDesk knows
 */
public record SchemaStatus(int currentVersion, int latestVersion, List<MigrationEntry> migrations) {

    /** Where the schema stands for this SyncDesk; {@link SchemaWords} says it in words. */
    public enum Standing { LATEST, BEHIND, NEWER, FAILED }

    public Standing standing() {
        if (hasFailedMigration()) {
            return Standing.FAILED;
        }
        if (isNewerThanApp()) {
            return Standing.NEWER;
        }
        return isBehind() ? Standing.BEHIND : Standing.LATEST;
    }

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

    /** The version the history starts at when the database was taken over rather than migrated up (an adoption). */
    public Optional<MigrationEntry> baseline() {
        return migrations.stream().filter(m -> m.state() == MigrationState.BASELINE).findFirst();
    }

    public List<MigrationEntry> pending() {
        return migrations.stream().filter(m -> m.state().isPending()).toList();
    }

    /** True for 0 (no schema) and every version this database's history or this SyncDesk's scripts name. */
    public boolean namesVersion(int version) {
        return version == 0 || migrations.stream().anyMatch(m -> m.version() == version);
    }

    /** The highest version below {@code version} that {@link #namesVersion} accepts. */
    public int nearestNamedVersionBelow(int version) {
        return migrations.stream().mapToInt(MigrationEntry::version).filter(v -> v < version).max().orElse(0);
    }

    /** The versions in the schema (applied or tolerated as missing), newest first. */
    public List<MigrationEntry> inSchemaNewestFirst() {
        return migrations.stream().filter(m -> m.state().isInSchema())
                .sorted(Comparator.comparingInt(MigrationEntry::version).reversed()).toList();
    }
}
