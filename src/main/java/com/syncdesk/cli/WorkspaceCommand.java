package com.syncdesk.cli;

import com.syncdesk.app.Workspace;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;

/**
 * A command that works with SyncDesk's services. The default database, and any database still empty,
 * is brought to the latest schema first; any other database must already be at the latest version.
 */
abstract class WorkspaceCommand extends DatabaseCommand {

    @Override
    final int run(Database database) throws Exception {
        MigrationService migrations = new MigrationService(database, operatorName());
        if (connection.isDefaultDatabase() || migrations.status().currentVersion() == 0) {
            migrations.upgrade(null, MigrationProgress.NONE);
        }
        Workspace workspace = Workspace.open(database);
        return run(workspace);
    }

    abstract int run(Workspace workspace) throws Exception;
}
