package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

class FailedUndoStepTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anUndoStepFailingHalfwayLeavesTheDatabaseAtThePreviousGoodVersionUnchanged(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 300);
            Map<String, List<String>> everyValueOfVersionEight = FreshSchemas.dump(database, FreshSchemas.columnsAt(vendor, 8));
            // Another client's view on a column undo 8 drops: the step fails after its first statements ran
            // (SQLite: when the rebuilt table takes the old one's name; PostgreSQL: at the column drop).
            StateRows.execute(database, "CREATE VIEW sprint_report AS SELECT id, sync_status FROM sprints");

            assertThatThrownBy(() -> migrations.downgrade(4, BackupChoice.NO_BACKUP, MigrationProgress.NONE))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("Undo 8 (add sprint jira metadata) failed and was rolled back:")
                    .hasMessageContaining("sprint_report")
                    .hasMessageContaining("The database is at version 8.");

            SchemaStatus status = migrations.status();
            assertThat(status.currentVersion()).isEqualTo(8);
            assertThat(status.migrations()).filteredOn(m -> m.version() == 9).extracting(MigrationEntry::state)
                    .containsExactly(MigrationState.UNDONE);
            assertThat(status.migrations()).filteredOn(m -> m.version() == 8).extracting(MigrationEntry::state)
                    .containsExactly(MigrationState.APPLIED);
            StateRows.execute(database, "DROP VIEW sprint_report");
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, 8));
            assertThat(FreshSchemas.dump(database, FreshSchemas.columnsAt(vendor, 8))).isEqualTo(everyValueOfVersionEight);

            assertThat(migrations.upgrade(null, MigrationProgress.NONE).currentVersion()).isEqualTo(Versions.LATEST);
        }
    }
}
