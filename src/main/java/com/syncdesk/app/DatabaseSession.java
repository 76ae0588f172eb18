package com.syncdesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.syncdesk.adoption.SprintReportsDatabases;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Privileges;

/**
 * One open database as the console and the command line use it: the connection, its migrations (the one
 * place a {@link MigrationService} is made), where its schema stands, and at the latest schema the
 * services of a {@link Workspace}. Opening decides, the same for both, whether the schema is brought up first.
 */
public final class DatabaseSession implements AutoCloseable {

    /** What the caller is about to do, which decides what opening may create or upgrade. */
    public enum Access {
        /** Look without changing anything: an existing database only, the default one included. */
        INSPECT,
        /** Move the schema: a missing SQLite file is created, the schema is left to the caller. */
        MIGRATE,
        /** Work with the sync data: an existing database only; the default one is upgraded when behind. */
        USE,
        /** The console opening a database: as {@link #USE}, and a missing default database is created (its first start). */
        CONSOLE,
        /** Fill the database (demo data): a missing file is created and an empty database gets the latest schema. */
        FILL
    }

    private final Database database;
    private final MigrationService migrations;
    private SchemaStatus status;
    private Privileges privileges;
    private Workspace workspace;

    private DatabaseSession(Database database, MigrationService migrations, SchemaStatus status) {
        this.database = database;
        this.migrations = migrations;
        this.status = status;
    }

    /** The database in the data directory, created and migrated on first use. */
    public static ConnectionTarget defaultTarget() {
        return ConnectionTarget.sqlite(AppDirectories.defaultDatabase());
    }

    /**
     * Opens {@code target} for {@code access}. A failure closes what was opened.
     *
     * @param backupFolder where PostgreSQL backups go
     */
    public static DatabaseSession open(ConnectionTarget target, Access access, String operator, Path backupFolder) {
        boolean isDefault = target.equals(defaultTarget());
        // Only these create a file; looking at or reading from a missing one leaves nothing behind.
        boolean mayCreate = access == Access.MIGRATE || access == Access.FILL || isDefault && access == Access.CONSOLE;
        if (isDefault && mayCreate) {
            try {
                Files.createDirectories(AppDirectories.dataDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + AppDirectories.dataDirectory() + ": " + e.getMessage(), e);
            }
        }
        Database database = Database.open(target, mayCreate ? Database.OpenMode.CREATE_IF_MISSING : Database.OpenMode.EXISTING_ONLY);
        try {
            DatabaseSession session = over(database, operator, backupFolder);
            boolean upgrade = switch (access) {
                case INSPECT, MIGRATE -> false;
                case USE, CONSOLE -> isDefault && session.status.isBehind();
                case FILL -> session.status.currentVersion() == 0 || isDefault && session.status.isBehind();
            };
            if (upgrade) {
                session.status = session.migrations.upgrade(null, MigrationProgress.NONE);
            }
            return session;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** A session over a database opened elsewhere; closing the session closes it. */
    public static DatabaseSession over(Database database, String operator, Path backupFolder) {
        MigrationService migrations = new MigrationService(database, operator, backupFolder, new SprintReportsDatabases(database, backupFolder));
        return new DatabaseSession(database, migrations, migrations.status());
    }

    public Database database() {
        return database;
    }

    public MigrationService migrations() {
        return migrations;
    }

    /** Where the schema stood when last read. */
    public synchronized SchemaStatus status() {
        return status;
    }

    /**
     * What the connected role may do, read once and again after the schema moved (its tables may have changed).
     * The console disables what the role may not do; the command line refuses it before starting.
     */
    public synchronized Privileges privileges() {
        if (privileges == null) {
            privileges = Privileges.of(database);
        }
        return privileges;
    }

    /**
     * The services over this database. Only a schema at the latest version has them; any other is refused
     * with what to do (migrate, use a newer SyncDesk, repair), and nothing is changed.
     */
    public synchronized Workspace workspace() {
        if (workspace == null) {
            if (!status.isLatest() || status.hasFailedMigration()) {
                if (status.currentVersion() == 0) {
                    // Version 0 with another application's tables is not "a SyncDesk database waiting for migrate".
                    migrations.checkSafeToMigrate();
                }
                throw SchemaWords.notAtLatestRefusal(status, database.target().describe());
            }
            workspace = new Workspace(database, this::privileges);
        }
        return workspace;
    }

    /** After the schema moved (an upgrade, a downgrade, a restore): services are dropped when it left the latest version. */
    public synchronized void schemaChanged(SchemaStatus now) {
        status = now;
        privileges = null;
        if (workspace != null && !now.isLatest()) {
            workspace.closeServices();
            workspace = null;
        }
    }

    @Override
    public synchronized void close() {
        if (workspace != null) {
            workspace.close();
        } else {
            database.close();
        }
    }
}
