package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.cli.ExitCodes;
import com.syncdesk.migration.ForeignObject.Kind;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

/** Columns, indexes, triggers and views other clients added to SyncDesk's tables, through downgrades. */
class OtherClientsObjectsTest {

    @TempDir
    Path tempDir;

    private static void execute(Database database, String... statements) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> column(Database database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Database database, String query) throws SQLException {
        return Long.parseLong(column(database, query).getFirst());
    }

    private MigrationService latestWithRows(Database database, int rows) {
        MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
        migrations.upgrade(null, MigrationProgress.NONE);
        BulkRows.fill(database, rows);
        return migrations;
    }

    /** Another client's column on sync_metadata with 200 values and a check, one on sprints, and an index on the first. */
    private static void addForeignColumns(Database database) throws SQLException {
        execute(database,
                "ALTER TABLE sync_metadata ADD COLUMN custom_score INTEGER DEFAULT 7 CHECK (custom_score >= 0)",
                "UPDATE sync_metadata SET custom_score = id * 3 WHERE id <= 200",
                "UPDATE sync_metadata SET custom_score = NULL WHERE id > 200",
                "ALTER TABLE sprints ADD COLUMN \"Team Notes\" TEXT",
                "UPDATE sprints SET \"Team Notes\" = 'note ' || id",
                "CREATE INDEX other_by_score ON sync_metadata (custom_score)");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anotherClientsColumnsAndIndexesSurviveTheDowngradeAndThePreviewSaysSo(Vendor vendor) throws SQLException {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = latestWithRows(database, 300);
            addForeignColumns(database);
            List<String> scoresBefore = column(database, "SELECT id || ':' || coalesce(custom_score, -1) FROM sync_metadata ORDER BY id");
            List<String> notesBefore = column(database, "SELECT \"Team Notes\" FROM sprints ORDER BY id");

            MigrationPlan plan = migrations.preview(6);

            assertThat(plan.foreign()).noneMatch(ForeignObject::isLost);
            assertThat(plan.isBlocked()).isFalse();
            if (vendor == Vendor.SQLITE) {
                assertThat(plan.foreign()).first().extracting(ForeignObject::describe).isEqualTo("Column sync_metadata.custom_score, added by "
                        + "another client: kept through the rebuild, its 200 values with it (undo of version 9)");
                assertThat(plan.foreign()).extracting(o -> o.version() + " " + o.kind() + " " + o.name() + " " + o.fate() + " " + o.values())
                        .containsExactly("9 COLUMN custom_score KEPT 200", "9 INDEX other_by_score KEPT 0",
                                "8 COLUMN Team Notes KEPT " + notesBefore.size(),
                                "7 COLUMN custom_score KEPT 200", "7 INDEX other_by_score KEPT 0");
                String undo7 = String.join(";\n", plan.steps().stream().filter(s -> s.version() == 7).findFirst().orElseThrow().statements());
                assertThat(undo7).contains("custom_score INTEGER DEFAULT 7 CHECK (custom_score >= 0)")
                        .contains("local_modified, remote_modified, created_at, updated_at, \"custom_score\")")
                        .contains("CREATE INDEX other_by_score ON sync_metadata (custom_score)");
            } else {
                // PostgreSQL drops SyncDesk's columns in place: nothing of another client's is touched.
                assertThat(plan.foreign()).isEmpty();
            }

            DowngradeReport report = migrations.downgrade(6, BackupChoice.NO_BACKUP, MigrationProgress.NONE);

            assertThat(report.status().currentVersion()).isEqualTo(4);
            assertThat(report.foreign()).isEqualTo(plan.foreign());
            assertThat(column(database, "SELECT id || ':' || coalesce(custom_score, -1) FROM sync_metadata ORDER BY id")).isEqualTo(scoresBefore);
            assertThat(column(database, "SELECT \"Team Notes\" FROM sprints ORDER BY id")).isEqualTo(notesBefore);
            assertThat(SchemaSnapshot.capture(database)).anyMatch(line -> line.contains("other_by_score"));
            assertThatThrownBy(() -> execute(database, "UPDATE sync_metadata SET custom_score = -1 WHERE id = 1"))
                    .as("the column's own check comes through the rebuild").isInstanceOf(SQLException.class);
            execute(database, "INSERT INTO sync_metadata (entity_type, entity_id) VALUES ('issue', 'NEW-1')");
            assertThat(column(database, "SELECT custom_score FROM sync_metadata WHERE entity_id = 'NEW-1'")).containsExactly("7");

            migrations.upgrade(null, MigrationProgress.NONE);
            assertThat(migrations.status().currentVersion()).isEqualTo(Versions.LATEST);
            assertThat(count(database, "SELECT count(custom_score) FROM sync_metadata")).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anIndexOverAColumnThatGoesIsReportedWithItsDefinitionAndTheRestIsKept(Vendor vendor) throws SQLException {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = latestWithRows(database, 50);
            addForeignColumns(database);
            execute(database, "CREATE INDEX other_by_strategy ON sync_metadata (resolution_strategy, custom_score)");

            MigrationPlan plan = migrations.preview(6);

            ForeignObject lost = plan.foreign().stream().filter(ForeignObject::isLost).findFirst().orElseThrow();
            assertThat(lost.version()).isEqualTo(7);
            assertThat(lost.kind()).isEqualTo(Kind.INDEX);
            assertThat(lost.describe()).startsWith("Index other_by_strategy on sync_metadata, added by another client: dropped with the column it uses; "
                    + "its definition: CREATE INDEX other_by_strategy ON ");
            assertThat(plan.foreign()).filteredOn(ForeignObject::isLost).hasSize(1);
            assertThat(plan.losesData()).isTrue();

            migrations.downgrade(6, BackupChoice.NO_BACKUP, MigrationProgress.NONE);

            List<String> schema = SchemaSnapshot.capture(database);
            assertThat(schema).noneMatch(line -> line.contains("other_by_strategy")).anyMatch(line -> line.contains("other_by_score"));
            assertThat(count(database, "SELECT count(custom_score) FROM sync_metadata")).isEqualTo(50);
        }
    }

    @Test
    void onPostgresqlAViewOnAColumnThatGoesRefusesTheDowngradeBeforeItsFirstStep() throws SQLException {
        try (Database database = TestDatabases.open(Vendor.POSTGRESQL, tempDir)) {
            MigrationService migrations = latestWithRows(database, 20);
            execute(database, "CREATE VIEW strategies AS SELECT id, resolution_strategy FROM sync_metadata");
            List<String> schemaBefore = SchemaSnapshot.capture(database);

            MigrationPlan plan = migrations.preview(6);

            assertThat(plan.isBlocked()).isTrue();
            assertThat(plan.foreign()).extracting(ForeignObject::describe).containsExactly("View strategies, added by another client: uses what "
                    + "this step removes from sync_metadata, so the database refuses the step while it exists (undo of version 7)");
            assertThatThrownBy(() -> migrations.downgrade(6, BackupChoice.NO_BACKUP, MigrationProgress.NONE))
                    .isInstanceOfSatisfying(DatabaseException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DatabaseException.Reason.BLOCKED_BY_OTHER_OBJECTS);
                        assertThat(e.getMessage()).contains("View strategies").endsWith("Nothing was changed.");
                    });
            assertThat(migrations.status().currentVersion()).isEqualTo(Versions.LATEST);
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(schemaBefore);
        }
    }

    @Test
    void onSqliteViewsAndTriggersOfOtherClientsSurviveTheRebuildsAndOneOnAColumnThatGoesIsReportedBroken() throws SQLException {
        try (Database database = TestDatabases.open(Vendor.SQLITE, tempDir)) {
            MigrationService migrations = latestWithRows(database, 20);
            execute(database,
                    "CREATE VIEW failing_states AS SELECT entity_id, error_count FROM sync_metadata WHERE sync_status = 'failed'",
                    "CREATE VIEW strategies AS SELECT id, resolution_strategy FROM sync_metadata",
                    "CREATE TABLE sync_watch (entity_id TEXT, seen_status TEXT)",
                    "CREATE TRIGGER watch_status AFTER UPDATE OF sync_status ON sync_metadata BEGIN "
                            + "INSERT INTO sync_watch VALUES (NEW.entity_id, NEW.sync_status); END");
            long failing = count(database, "SELECT count(*) FROM failing_states");

            MigrationPlan plan = migrations.preview(6);

            assertThat(plan.foreign()).extracting(o -> o.version() + " " + o.kind() + " " + o.name() + " " + o.fate())
                    .containsExactlyInAnyOrder("9 TRIGGER watch_status KEPT", "7 TRIGGER watch_status KEPT", "7 VIEW strategies BROKEN");
            migrations.downgrade(6, BackupChoice.NO_BACKUP, MigrationProgress.NONE);

            assertThat(count(database, "SELECT count(*) FROM failing_states")).isEqualTo(failing);
            execute(database, "UPDATE sync_metadata SET sync_status = 'skipped' WHERE id = 1");
            assertThat(column(database, "SELECT seen_status FROM sync_watch")).containsExactly("skipped");
            assertThatThrownBy(() -> count(database, "SELECT count(*) FROM strategies")).hasMessageContaining("resolution_strategy");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aColumnOfAnotherClientInATableThatGoesIsCountedAndTriggersTheBackup(Vendor vendor) throws SQLException {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = latestWithRows(database, 300);
            addForeignColumns(database);

            MigrationPlan plan = migrations.preview(0);

            assertThat(plan.foreign()).filteredOn(ForeignObject::isLost).extracting(ForeignObject::describe)
                    .contains("Column sync_metadata.custom_score, added by another client: dropped with the table, 200 values will be lost "
                            + "(undo of version 4)", "Column sprints.Team Notes, added by another client: dropped with the table, 300 values will be lost "
                            + "(undo of version 1)")
                    .anyMatch(line -> line.startsWith("Index other_by_score on sync_metadata, added by another client: dropped with the column "
                            + "it uses; its definition: CREATE INDEX other_by_score ON ") && line.endsWith("(undo of version 4)"));
            DowngradeReport report = migrations.downgrade(0, BackupChoice.BACKUP_IF_LOSSY, MigrationProgress.NONE);
            assertThat(report.backup()).isPresent();
            assertThat(report.status().currentVersion()).isZero();
        }
    }

    @Test
    void aColumnAddedAfterTheDowngradeWasPlannedStopsTheRebuildAndIsKept() throws SQLException {
        try (Database database = TestDatabases.open(Vendor.SQLITE, tempDir)) {
            latestWithRows(database, 30);
            addForeignColumns(database);
            SchemaStatus status = new MigrationService(database, "tester").status();
            // The scripts as planned before the column existed: the runner must notice it before the rebuild drops the table.
            List<UndoScript> unadapted = new Downgrades(database).scripts(status, 8);

            assertThatThrownBy(() -> new UndoRunner(database, "tester").runAll(unadapted, Optional.empty(), MigrationProgress.NONE))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("Column sync_metadata.custom_score appeared after the downgrade was planned")
                    .hasMessageContaining("The database is at version 9");
            assertThat(count(database, "SELECT count(custom_score) FROM sync_metadata")).isEqualTo(30);
        }
    }

    @Test
    void theCliPreviewListsOtherClientsObjects() throws SQLException {
        Path db = tempDir.resolve("ops.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(db))) {
            latestWithRows(database, 10);
            addForeignColumns(database);
            execute(database, "CREATE INDEX other_by_strategy ON sync_metadata (resolution_strategy)");
        }

        CliRun preview = CliRun.of("preview", "--to", "4", "--db", db.toString());

        assertThat(preview.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(preview.out()).contains("Column sync_metadata.custom_score, added by another client: kept through the rebuild, its 10 values with it "
                        + "(undo of version 7)")
                .contains("Index other_by_strategy on sync_metadata, added by another client: dropped with the column it uses; its definition: "
                        + "CREATE INDEX other_by_strategy ON sync_metadata (resolution_strategy) (undo of version 7)")
                .contains("\"custom_score\")\nSELECT");
    }
}
