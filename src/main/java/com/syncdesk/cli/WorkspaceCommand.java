package com.syncdesk.cli;

import com.syncdesk.app.Workspace;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;

/**
 * A command that works with SyncDesk's services. The default database is brought to the latest schema
 * first, and so is an empty database given to a command that fills it (demo-data); any other database
 * must already be at the latest version: an empty file given to a reading command (stats, export, ...)
 * is refused and left as it is.
 */
abstract class WorkspaceCommand extends DatabaseCommand {

    @Override
    final int run(Database database) throws Exception {
        MigrationService migrations = new MigrationService(database, operatorName());
        if (connection.isDefaultDatabase()) {
            migrations.upgrade(null, MigrationProgress.NONE);
        } else if (migrations.status().currentVersion() == 0) {
            if (createsSchema()) {
                migrations.upgrade(null, MigrationProgress.NONE);
            } else {
                migrations.checkSafeToMigrate();
                throw new DatabaseException(DatabaseException.Reason.SCHEMA_BEHIND, database.target().describe()
                        + " holds no SyncDesk schema yet (version 0). Run migrate to create it; nothing was changed.");
            }
        }
        Workspace workspace = Workspace.open(database);
        return run(workspace);
    }

    /** Whether the command may create the schema in an empty database it was pointed at (it fills the database). */
    boolean createsSchema() {
        return false;
    }

    abstract int run(Workspace workspace) throws Exception;
}
