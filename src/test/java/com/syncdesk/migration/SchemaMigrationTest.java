package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.SampleRows;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

class SchemaMigrationTest {

    private static final List<Integer> VERSIONS = Versions.ALL;

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void emptyDatabaseMigratesToLatestWithEveryTable(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester");
            SchemaStatus status = migrations.upgrade(null, MigrationProgress.NONE);

            assertThat(status.currentVersion()).isEqualTo(Versions.LATEST);
            assertThat(status.isLatest()).isTrue();
            assertThat(status.migrations()).extracting(MigrationEntry::version).containsExactlyElementsOf(VERSIONS);
            assertThat(status.migrations()).allSatisfy(m -> {
                assertThat(m.state()).isEqualTo(MigrationState.APPLIED);
                assertThat(m.installedBy()).isEqualTo("tester");
                assertThat(m.checksum()).isNotNull();
            });
            assertThat(SchemaSnapshot.tables(database)).containsExactly("audit_log", "boards", "conflict_resolutions",
                    "issues", "jira_connection", "jira_sync_scope", "operators", "projects", "sprints", "sync_duration_counts", "sync_error_counts",
                    "sync_history", "sync_metadata", "sync_snapshots", "sync_state_counts");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everyIndexExistsAtLatest(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            String schema = String.join("\n", SchemaSnapshot.capture(database));
            for (String index : List.of("idx_unique_entity", "idx_sync_status_attempt", "idx_sync_batch", "idx_sync_timestamps",
                    "idx_sync_performance", "idx_conflict_status", "idx_conflict_sync", "idx_conflict_resolution",
                    "idx_history_operation_status", "idx_history_batch", "idx_history_created_status",
                    "idx_sprint_sync_status", "idx_sprint_project_key", "idx_project_key", "idx_board_jira_id",
                    "idx_sprint_jira_id", "idx_issue_key", "idx_issue_sprint", "idx_operator_username", "idx_audit_at", "idx_audit_entity")) {
                assertThat(schema).as(index).contains("index " + (vendor == Vendor.SQLITE ? index : "CREATE "));
                assertThat(schema).as(index).containsPattern("index .*" + index);
            }
            assertThat(schema).containsPattern("sync_metadata index .*idx_unique_entity.*unique|CREATE UNIQUE INDEX idx_unique_entity");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everyNamedCheckRejectsABadRowAndAcceptsAGoodOne(Vendor vendor) throws SQLException {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            SampleRows.insertAt(database, 9, 1);
            SoftAssertions softly = new SoftAssertions();
            for (CheckCase check : CheckCase.ALL) {
                try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                    statement.execute(check.good());
                    softly.assertThatThrownBy(() -> statement.execute(check.bad()))
                            .as(check.constraint() + " rejects " + check.bad())
                            .hasMessageContaining(check.constraint());
                } catch (SQLException e) {
                    softly.fail(check.constraint() + " should accept " + check.good() + " but: " + e.getMessage());
                }
            }
            softly.assertAll();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void eachStepUpThenUndoneLeavesSchemaAndRowsIdentical(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester");
            int previous = 0;
            for (int version : VERSIONS) {
                if (previous > 0) {
                    SampleRows.insertAt(database, previous, version);
                }
                List<String> schemaBefore = SchemaSnapshot.capture(database);
                var rowsBefore = TableDump.of(database);

                migrations.upgrade(version, MigrationProgress.NONE);
                // V11 pins PostgreSQL's functions to their schema; SQLite has nothing to pin.
                if (!MigrationCatalog.upgradeStatements(vendor, version).isEmpty()) {
                    assertThat(SchemaSnapshot.capture(database)).as("V%d changes the schema", version).isNotEqualTo(schemaBefore);
                }
                SchemaStatus down = migrations.downgrade(previous, BackupChoice.NO_BACKUP, MigrationProgress.NONE).status();

                assertThat(down.currentVersion()).isEqualTo(previous);
                assertThat(SchemaSnapshot.capture(database)).as("schema after undoing V%d", version).isEqualTo(schemaBefore);
                assertThat(TableDump.of(database)).as("rows after undoing V%d", version).isEqualTo(rowsBefore);
                assertThat(down.migrations()).filteredOn(m -> m.version() == version)
                        .extracting(MigrationEntry::state).containsExactly(MigrationState.UNDONE);

                migrations.upgrade(version, MigrationProgress.NONE);
                previous = version;
            }
            assertThat(migrations.status().currentVersion()).isEqualTo(Versions.LATEST);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void upgradeReportsEveryStepToTheListener(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            List<MigrationProgress.Step> steps = new ArrayList<>();
            new MigrationService(database, "tester").upgrade(null, steps::add);
            assertThat(steps).hasSize(2 * VERSIONS.size());
            assertThat(steps.getLast().index()).isEqualTo(VERSIONS.size());
            assertThat(steps.getLast().total()).isEqualTo(VERSIONS.size());
            assertThat(steps.getFirst().name()).isEqualTo("Upgrade to 1 (initial schema)");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void statusGivesTheRealInstantEachVersionWasInstalled(Vendor vendor) {
        // Surefire runs in Europe/Berlin, so reading UTC text as local time would be an hour off.
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            Instant before = Instant.now().minusSeconds(2);
            SchemaStatus status = new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            Instant after = Instant.now().plusSeconds(2);
            assertThat(status.migrations()).extracting(MigrationEntry::installedOn)
                    .hasSize(VERSIONS.size()).allSatisfy(installed -> assertThat(installed).isBetween(before, after));
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void upgradeBeyondTheNewestKnownVersionIsRefused(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            assertThatThrownBy(() -> new MigrationService(database, "tester").upgrade(Versions.NEWER, MigrationProgress.NONE))
                    .hasMessageContaining("newest this SyncDesk knows is " + Versions.LATEST + "");
        }
    }

    /** One named check: a row it accepts and one it rejects. */
    record CheckCase(String constraint, String good, String bad) {
        static final List<CheckCase> ALL = List.of(
                new CheckCase("project_key_not_blank", "INSERT INTO projects (project_key, name) VALUES ('OK1', 'n')",
                        "INSERT INTO projects (project_key, name) VALUES ('  ', 'n')"),
                new CheckCase("valid_board_type", "INSERT INTO boards (jira_board_id, name, board_type) VALUES (901, 'b', 'simple')",
                        "INSERT INTO boards (jira_board_id, name, board_type) VALUES (902, 'b', 'agile')"),
                new CheckCase("sprint_name_not_blank", "INSERT INTO sprints (jira_sprint_id, name) VALUES (901, 'S')",
                        "INSERT INTO sprints (jira_sprint_id, name) VALUES (902, ' ')"),
                new CheckCase("valid_sprint_state", "INSERT INTO sprints (jira_sprint_id, name, state) VALUES (903, 'S', 'closed')",
                        "INSERT INTO sprints (jira_sprint_id, name, state) VALUES (904, 'S', 'open')"),
                new CheckCase("valid_sprint_dates",
                        "INSERT INTO sprints (jira_sprint_id, name, start_date, end_date) VALUES (905, 'S', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                        "INSERT INTO sprints (jira_sprint_id, name, start_date, end_date) VALUES (906, 'S', '2026-01-02 00:00:00', '2026-01-01 00:00:00')"),
                new CheckCase("valid_complete_date",
                        "INSERT INTO sprints (jira_sprint_id, name, start_date, complete_date) VALUES (907, 'S', '2026-01-01 00:00:00', '2026-01-03 00:00:00')",
                        "INSERT INTO sprints (jira_sprint_id, name, start_date, complete_date) VALUES (908, 'S', '2026-01-02 00:00:00', '2026-01-01 00:00:00')"),
                new CheckCase("valid_sync_status", "INSERT INTO sprints (jira_sprint_id, name, sync_status) VALUES (909, 'S', 'failed')",
                        "INSERT INTO sprints (jira_sprint_id, name, sync_status) VALUES (910, 'S', 'done')"),
                new CheckCase("valid_issue_key", "INSERT INTO issues (issue_key, summary) VALUES ('ABC-12', 's')",
                        "INSERT INTO issues (issue_key, summary) VALUES ('abc', 's')"),
                new CheckCase("non_negative_story_points", "INSERT INTO issues (issue_key, summary, story_points) VALUES ('ABC-13', 's', 0)",
                        "INSERT INTO issues (issue_key, summary, story_points) VALUES ('ABC-14', 's', -1)"),
                new CheckCase("username_not_blank", "INSERT INTO operators (username) VALUES ('alice')",
                        "INSERT INTO operators (username) VALUES ('')"),
                new CheckCase("valid_entity_type", "INSERT INTO sync_metadata (entity_type, entity_id) VALUES ('board', 'c1')",
                        "INSERT INTO sync_metadata (entity_type, entity_id) VALUES ('epic', 'c2')"),
                new CheckCase("valid_sync_status", "INSERT INTO sync_metadata (entity_type, entity_id, sync_status) VALUES ('issue', 'c3', 'skipped')",
                        "INSERT INTO sync_metadata (entity_type, entity_id, sync_status) VALUES ('issue', 'c4', 'done')"),
                new CheckCase("non_negative_error_count", "INSERT INTO sync_metadata (entity_type, entity_id, error_count) VALUES ('issue', 'c5', 0)",
                        "INSERT INTO sync_metadata (entity_type, entity_id, error_count) VALUES ('issue', 'c6', -1)"),
                new CheckCase("valid_sync_direction", "INSERT INTO sync_metadata (entity_type, entity_id, sync_direction) VALUES ('issue', 'c7', 'remote_to_local')",
                        "INSERT INTO sync_metadata (entity_type, entity_id, sync_direction) VALUES ('issue', 'c8', 'sideways')"),
                new CheckCase("valid_resolution_strategy", "INSERT INTO sync_metadata (entity_type, entity_id, resolution_strategy) VALUES ('issue', 'c9', 'jira_wins')",
                        "INSERT INTO sync_metadata (entity_type, entity_id, resolution_strategy) VALUES ('issue', 'c10', 'coin_flip')"),
                new CheckCase("non_negative_duration", "INSERT INTO sync_metadata (entity_type, entity_id, sync_duration_ms) VALUES ('issue', 'c11', 0)",
                        "INSERT INTO sync_metadata (entity_type, entity_id, sync_duration_ms) VALUES ('issue', 'c12', -5)"),
                new CheckCase("non_negative_api_calls", "INSERT INTO sync_metadata (entity_type, entity_id, api_calls_count) VALUES ('issue', 'c13', 7)",
                        "INSERT INTO sync_metadata (entity_type, entity_id, api_calls_count) VALUES ('issue', 'c14', -1)"),
                new CheckCase("valid_conflict_type",
                        "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type) VALUES ((SELECT min(id) FROM sync_metadata), 'deletion_conflict')",
                        "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type) VALUES ((SELECT min(id) FROM sync_metadata), 'moved')"),
                new CheckCase("valid_resolution_strategy",
                        "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, resolution_strategy) VALUES ((SELECT min(id) FROM sync_metadata), 'field_conflict', 'local_wins')",
                        "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, resolution_strategy) VALUES ((SELECT min(id) FROM sync_metadata), 'field_conflict', 'nobody')"),
                new CheckCase("valid_operation_type", "INSERT INTO sync_history (operation_type) VALUES ('webhook_sync')",
                        "INSERT INTO sync_history (operation_type) VALUES ('manual_sync')"),
                new CheckCase("valid_history_status", "INSERT INTO sync_history (operation_type, status) VALUES ('full_sync', 'failed')",
                        "INSERT INTO sync_history (operation_type, status) VALUES ('full_sync', 'broken')"),
                new CheckCase("non_negative_counters", "INSERT INTO sync_history (operation_type, api_calls_made) VALUES ('full_sync', 0)",
                        "INSERT INTO sync_history (operation_type, api_calls_made) VALUES ('full_sync', -3)"),
                new CheckCase("non_negative_duration_seconds", "INSERT INTO sync_history (operation_type, duration_seconds) VALUES ('full_sync', 0.5)",
                        "INSERT INTO sync_history (operation_type, duration_seconds) VALUES ('full_sync', -0.5)"));
    }
}
