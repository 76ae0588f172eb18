package com.syncdesk.testing;

import java.nio.file.Path;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Workspace;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;

/** A fresh database of either vendor, migrated to the latest schema, with SyncDesk's services. */
public final class TestWorkspaces {

    private TestWorkspaces() {
    }

    public static Workspace open(Vendor vendor, Path tempDir) {
        Database database = TestDatabases.open(vendor, tempDir);
        DatabaseSession session = DatabaseSession.over(database, "tester", tempDir.resolve("pg-backups"));
        session.schemaChanged(session.migrations().upgrade(null, MigrationProgress.NONE));
        return session.workspace();
    }

    /** The services over a database already at the latest schema; closing them closes the database. */
    public static Workspace over(Database database) {
        return DatabaseSession.over(database, "tester", AppDirectories.defaultBackupFolder()).workspace();
    }
}
