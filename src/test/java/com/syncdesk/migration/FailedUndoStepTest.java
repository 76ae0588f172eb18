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
            // Undo 8 fails after its first statements ran because of another client. SQLite: a sprint it wrote
            // with the checks off fails the rebuilt table's check; PostgreSQL: its event trigger refuses the column drop.
            if (vendor == Vendor.SQLITE) {
                StateRows.execute(database, "PRAGMA ignore_check_constraints = ON",
                        "UPDATE sprints SET state = 'archived' WHERE id = 1", "PRAGMA ignore_check_constraints = OFF");
            } else {
                StateRows.execute(database, """
                        CREATE FUNCTION refuse_sprint_changes() RETURNS event_trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF current_query() ILIKE '%ALTER TABLE sprints%' THEN
                                RAISE EXCEPTION 'sprints belongs to the sprint-report tool';
                            END IF;
                        END $$""", "CREATE EVENT TRIGGER sprint_guard ON ddl_command_start WHEN TAG IN ('ALTER TABLE') "
                        + "EXECUTE FUNCTION refuse_sprint_changes()");
            }
            Map<String, List<String>> everyValueOfVersionEight = FreshSchemas.dump(database, FreshSchemas.columnsAt(vendor, 8));

            assertThatThrownBy(() -> migrations.downgrade(4, BackupChoice.NO_BACKUP, MigrationProgress.NONE))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("Undo 8 (add sprint jira metadata) failed and was rolled back:")
                    .hasMessageContaining(vendor == Vendor.SQLITE ? "valid_sprint_state" : "sprints belongs to the sprint-report tool")
                    .hasMessageContaining("The database is at version 8.");

            SchemaStatus status = migrations.status();
            assertThat(status.currentVersion()).isEqualTo(8);
            assertThat(status.migrations()).filteredOn(m -> m.version() == 9).extracting(MigrationEntry::state)
                    .containsExactly(MigrationState.UNDONE);
            assertThat(status.migrations()).filteredOn(m -> m.version() == 8).extracting(MigrationEntry::state)
                    .containsExactly(MigrationState.APPLIED);
            if (vendor == Vendor.POSTGRESQL) {
                StateRows.execute(database, "DROP EVENT TRIGGER sprint_guard", "DROP FUNCTION refuse_sprint_changes()");
            }
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, 8));
            assertThat(FreshSchemas.dump(database, FreshSchemas.columnsAt(vendor, 8))).isEqualTo(everyValueOfVersionEight);

            if (vendor == Vendor.SQLITE) {
                StateRows.execute(database, "UPDATE sprints SET state = 'closed' WHERE id = 1");
            }
            assertThat(migrations.upgrade(null, MigrationProgress.NONE).currentVersion()).isEqualTo(Versions.LATEST);
        }
    }
}
