package com.syncdesk.testing;

import java.nio.file.Path;

import com.syncdesk.app.Workspace;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;

/** A fresh database of either vendor, migrated to the latest schema, with SyncDesk's services. */
public final class TestWorkspaces {

    private TestWorkspaces() {
    }

    public static Workspace open(Vendor vendor, Path tempDir) {
        Database database = TestDatabases.open(vendor, tempDir);
        new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
        return Workspace.open(database);
    }
}
