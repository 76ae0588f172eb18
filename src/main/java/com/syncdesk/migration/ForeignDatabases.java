package com.syncdesk.migration;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;

/**
 * What SyncDesk makes of a database it did not create: how a refusal names it, whether it may be looked at
 * (a database SyncDesk can adopt), and the backups taken of it as it was. The adoption feature knows the
 * original system's databases; without it every such database is simply another application's.
 */
public interface ForeignDatabases {

    /** The refusal for a database whose tables carry no SyncDesk history. */
    DatabaseException refusal();

    /** A refusal of a history SyncDesk did not write itself (a baseline made by hand), if the history is one. */
    Optional<DatabaseException> refusalOfHistory(SchemaStatus status);

    /** What the database is when SyncDesk can take it over ("a sprint-reports database … can adopt it"), else empty. */
    Optional<String> adoptable();

    /** The backups taken of the database as another application had it, oldest first. */
    List<Backup> backups();

    Optional<Backup> describe(Path location);

    /** A backup of the whole database as it is, when it is one SyncDesk can adopt. */
    Backup backUp(MigrationProgress progress);

    /** Puts such a backup back, giving the other application its database again. */
    void restore(Backup backup, SchemaStatus status, MigrationProgress progress);

    /** What going below this baseline means, when it marks an adoption: the backup to restore instead. */
    Optional<String> belowBaseline(MigrationEntry baseline);

    /** Another application's database, and nothing more known about it. */
    static ForeignDatabases unknown(Database database) {
        return new ForeignDatabases() {
            @Override
            public DatabaseException refusal() {
                return new DatabaseException(Reason.FOREIGN_SCHEMA, database.target().describe()
                        + " holds tables but no SyncDesk schema history: it belongs to another application. SyncDesk has not changed it.");
            }

            @Override
            public Optional<DatabaseException> refusalOfHistory(SchemaStatus status) {
                return Optional.empty();
            }

            @Override
            public Optional<String> adoptable() {
                return Optional.empty();
            }

            @Override
            public List<Backup> backups() {
                return List.of();
            }

            @Override
            public Optional<Backup> describe(Path location) {
                return Optional.empty();
            }

            @Override
            public Backup backUp(MigrationProgress progress) {
                throw refusal();
            }

            @Override
            public void restore(Backup backup, SchemaStatus status, MigrationProgress progress) {
                throw refusal();
            }

            @Override
            public Optional<String> belowBaseline(MigrationEntry baseline) {
                return Optional.empty();
            }
        };
    }
}
