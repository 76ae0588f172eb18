package com.syncdesk.app;

import org.hibernate.SessionFactory;

import com.syncdesk.conflict.ConflictService;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.history.SyncHistoryService;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.syncstate.SyncStateService;

/**
 * An open database at the latest schema with SyncDesk's services over it. The console and the CLI
 * each hold one; it owns the database and closes it.
 */
public final class Workspace implements AutoCloseable {

    private final Database database;
    private final SessionFactory sessions;
    private final SyncStateService syncStates;
    private final ConflictService conflicts;
    private final SyncHistoryService history;

    private Workspace(Database database, SessionFactory sessions) {
        this.database = database;
        this.sessions = sessions;
        this.syncStates = new SyncStateService(database, sessions);
        this.conflicts = new ConflictService(database);
        this.history = new SyncHistoryService(database);
    }

    /** Wraps a database whose schema is at the latest version; Hibernate validates every mapping against it. */
    public static Workspace open(Database database) {
        SchemaStatus status = new MigrationService(database, "syncdesk").status();
        if (status.hasFailedMigration()) {
            throw new DatabaseException(Reason.FAILED_MIGRATION, "The history of " + database.target().describe()
                    + " shows a failed migration. Check the schema (or restore a backup), then run repair; nothing was changed.");
        }
        if (!status.isLatest()) {
            throw new DatabaseException(status.isNewerThanApp() ? Reason.NEWER_SCHEMA : Reason.SCHEMA_BEHIND,
                    "The schema of " + database.target().describe() + " is at version " + status.currentVersion()
                            + (status.isNewerThanApp() ? ", newer than this SyncDesk knows (" + status.latestVersion() + "). Use a newer SyncDesk; nothing was changed."
                            : "; upgrade it to " + status.latestVersion() + " first (migrate). Nothing was changed."));
        }
        return new Workspace(database, database.buildSessionFactory(Entities.ALL, true));
    }

    public Database database() {
        return database;
    }

    public SyncStateService syncStates() {
        return syncStates;
    }

    public ConflictService conflicts() {
        return conflicts;
    }

    public SyncHistoryService history() {
        return history;
    }

    public DemoDataGenerator demoData() {
        return new DemoDataGenerator(database);
    }

    /** Closes the services but leaves the database open: after a downgrade the console keeps the connection. */
    public void closeServices() {
        sessions.close();
    }

    @Override
    public void close() {
        closeServices();
        database.close();
    }
}
