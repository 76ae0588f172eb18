package com.syncdesk.migration;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.ConnectionTarget.SqliteFile;
import com.syncdesk.persistence.Database;

/** Where a database's backups live, how they are taken and how they come back; one implementation per vendor. */
sealed interface BackupStore permits SqliteBackupStore, PostgresBackupStore {

    /** @param postgresFolder where PostgreSQL backups go; SQLite backups always go beside the file */
    static BackupStore of(Database database, Path postgresFolder) {
        return switch (database.target()) {
            case SqliteFile file -> new SqliteBackupStore(database, file.realPath());
            case PostgresServer server -> new PostgresBackupStore(database, server, postgresFolder);
        };
    }

    Path folder();

    /** This database's backups, oldest first. */
    List<Backup> list();

    /** The backup at {@code location}, when it is one of this database. */
    Optional<Backup> describe(Path location);

    /** Everything now: the whole SQLite file, or every table as CSV on PostgreSQL; {@code reason} says why (see {@link Backup}). */
    Backup takeEverything(int version, String reason, MigrationProgress progress);

    /** What a downgrade to {@code target} would destroy with its drops (the whole file on SQLite). */
    Backup takeBeforeDowngrade(int version, int target, List<Drop> drops, MigrationProgress progress);

    /** Brings the backup back, holding the migration lock; {@code schema} reads and moves the live schema. */
    RestoreReport restore(Backup backup, LiveSchema schema, MigrationProgress progress);

    /** The live schema as a restore needs it, under the lock the restore holds. */
    interface LiveSchema {
        SchemaStatus status();

        /** Refuses a schema SyncDesk must not change (newer, failed, another application's). */
        void refuseUnsafe(SchemaStatus status);

        SchemaStatus upgradeTo(int version, MigrationProgress progress);
    }
}
