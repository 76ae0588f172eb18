package com.syncdesk.cli;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Workspace;

/**
 * A command that works with SyncDesk's services. The default database is brought to the latest schema
 * first, and so is an empty database given to a command that fills it (demo-data); any other database
 * must already be at the latest version: an empty file given to a reading command (stats, export, ...)
 * is refused and left as it is.
 */
abstract class WorkspaceCommand extends DatabaseCommand {

    @Override
    DatabaseSession.Access access() {
        return DatabaseSession.Access.USE;
    }

    @Override
    final int run(DatabaseSession session) throws Exception {
        return run(session.workspace());
    }

    abstract int run(Workspace workspace) throws Exception;
}
