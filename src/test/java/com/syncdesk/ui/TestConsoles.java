package com.syncdesk.ui;

import java.nio.file.Path;

import com.syncdesk.app.Workspace;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestWorkspaces;

/** SQLite databases at the latest schema for console tests, prepared before the console opens them. */
public final class TestConsoles {

    private TestConsoles() {
    }

    /** A database holding {@code rows} sync states with known values (see {@link StateRows}). */
    public static ConnectionTarget withStateRows(Path dir, int rows, long seed) {
        try (Workspace workspace = TestWorkspaces.open(Vendor.SQLITE, dir)) {
            StateRows.insert(workspace.database(), rows, seed);
            return workspace.database().target();
        }
    }

    /** A database filled by the demo data generator: every status, failures, conflicts and history. */
    public static ConnectionTarget withDemoData(Path dir, int entities) {
        try (Workspace workspace = TestWorkspaces.open(Vendor.SQLITE, dir)) {
            workspace.demoData().generate(entities, 42, DemoDataGenerator.Progress.NONE);
            return workspace.database().target();
        }
    }

    public static ConnectionTarget empty(Path dir) {
        try (Workspace workspace = TestWorkspaces.open(Vendor.SQLITE, dir)) {
            return workspace.database().target();
        }
    }
}
