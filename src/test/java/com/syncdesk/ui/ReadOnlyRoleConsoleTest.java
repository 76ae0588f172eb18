package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.Mounts;
import com.syncdesk.testing.PostgresRoles;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.TestWorkspaces;
import com.syncdesk.ui.conflicts.ConflictsViewModel;
import com.syncdesk.ui.migrations.MigrationsViewModel;
import com.syncdesk.ui.syncstates.SyncStatesViewModel;

/** The console disables what the connected role (or a read-only SQLite file) may not do, and says why; the owner keeps every action. */
class ReadOnlyRoleConsoleTest {

    @TempDir
    Path dir;

    private PlainConsole console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private static ConnectionTarget demoDatabase() {
        ConnectionTarget owner = TestPostgres.freshDatabase();
        try (Database database = Database.open(owner)) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            TestWorkspaces.over(Database.open(owner)).demoData().generate(200, 3, DemoDataGenerator.Progress.NONE);
        }
        return owner;
    }

    @Test
    void aSelectOnlyRoleFindsTheChangesDisabledWithTheReason() {
        ConnectionTarget readOnly = PostgresRoles.selectOnly(demoDatabase());
        String role = ((PostgresServer) readOnly).user();
        console = new PlainConsole(dir.resolve("home"));
        SyncStatesViewModel states = new SyncStatesViewModel(console.context);
        ConflictsViewModel conflicts = new ConflictsViewModel(console.context);
        MigrationsViewModel migrations = new MigrationsViewModel(console.context);
        console.connect(readOnly);
        states.search();
        conflicts.refresh();

        assertThat(states.totalProperty().get()).isEqualTo(200);
        assertThat(states.canAct(SyncStatesViewModel.Scope.MATCHING, 0)).isFalse();
        assertThat(states.canAct(SyncStatesViewModel.Scope.SELECTED, 3)).isFalse();
        assertThat(states.actionsRefusalProperty().get()).contains("The role " + role, "UPDATE sync_metadata", "retry, skip or reset");
        assertThat(states.mayResolve()).isFalse();
        assertThat(conflicts.openCountProperty().get()).isPositive();
        assertThat(conflicts.resolveRefusalProperty().get()).contains("The role " + role, "UPDATE sync_metadata, conflict_resolutions", "needed to resolve conflicts");

        assertThat(migrations.migrations()).noneMatch(migrations::isDowngradeTarget);
        assertThat(migrations.changeRefusalProperty().get()).contains("does not own SyncDesk's tables");
        assertThat(migrations.restoreRefusalProperty().get()).contains("INSERT INTO projects");
        assertThat(migrations.backupRefusalProperty().get()).as("reading every table is all a backup needs").isEmpty();
        assertThat(migrations.noticeProperty().get()).contains("does not own SyncDesk's tables", "needed to restore a backup");
    }

    @Test
    void aSqliteFileOnReadOnlyStorageFindsTheChangesDisabledWithTheReason() throws Exception {
        Assumptions.assumeTrue(Mounts.available(), "mounting a tmpfs is not possible here");
        Path built = ((ConnectionTarget.SqliteFile) TestConsoles.withDemoData(dir, 200)).path();
        Path mount = dir.resolve("ro");
        Mounts.tmpfs(mount, "24m");
        try {
            Path db = mount.resolve("readonly.db");
            Files.copy(built, db);
            Mounts.remountReadOnly(mount);
            console = new PlainConsole(dir.resolve("home"));
            SyncStatesViewModel states = new SyncStatesViewModel(console.context);
            ConflictsViewModel conflicts = new ConflictsViewModel(console.context);
            MigrationsViewModel migrations = new MigrationsViewModel(console.context);
            console.connect(ConnectionTarget.sqlite(db));
            states.search();

            assertThat(states.totalProperty().get()).isPositive();
            assertThat(states.canAct(SyncStatesViewModel.Scope.MATCHING, 0)).isFalse();
            assertThat(states.actionsRefusalProperty().get()).contains("cannot retry, skip or reset sync states", "read-only");
            assertThat(conflicts.resolveRefusalProperty().get()).contains("read-only");
            assertThat(migrations.migrations()).noneMatch(migrations::isDowngradeTarget);
            assertThat(migrations.backupRefusalProperty().get()).contains("cannot take a backup");
            assertThat(migrations.restoreRefusalProperty().get()).contains("cannot restore a backup");
            console.close();
            console = null;
        } finally {
            Mounts.unmount(mount);
        }
    }

    @Test
    void theOwnerKeepsEveryAction() {
        console = new PlainConsole(dir.resolve("home"));
        SyncStatesViewModel states = new SyncStatesViewModel(console.context);
        ConflictsViewModel conflicts = new ConflictsViewModel(console.context);
        MigrationsViewModel migrations = new MigrationsViewModel(console.context);
        console.connect(demoDatabase());
        states.search();

        assertThat(states.canAct(SyncStatesViewModel.Scope.MATCHING, 0)).isTrue();
        assertThat(states.mayResolve()).isTrue();
        assertThat(conflicts.resolveRefusalProperty().get()).isEmpty();
        assertThat(migrations.migrations()).anyMatch(migrations::isDowngradeTarget);
        assertThat(migrations.noticeProperty().get()).isEmpty();
    }
}
