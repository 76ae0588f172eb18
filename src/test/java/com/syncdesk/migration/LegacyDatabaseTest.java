package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.SqliteTimestamps;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.LegacyDatabase;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

class LegacyDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_CONFLICTS = "[{\"field\": \"summary\", \"local\": \"Fix login\", \"remote\": \"Fix sign-in\", \"base\": \"Login\"}]";
    private static final String OVERLAP_CONFLICTS = "[{\"field\": \"name\", \"local\": \"S1\", \"remote\": \"Sprint 1\"}]";

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void upgradingALegacyDatabaseMergesEverySyncStatesRowByTheLaterAttemptAndDropsTheTable(Vendor vendor) throws Exception {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            LegacyDatabase.craft(database);
            insertLegacyRows(database, vendor);
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));

            UpgradeReport report = migrations.upgradeWithReport(null, MigrationProgress.NONE);

            assertThat(report.legacyRowsMerged()).isEqualTo(5);
            assertThat(report.status().currentVersion()).isEqualTo(Versions.LATEST);
            assertThat(SchemaSnapshot.tables(database)).doesNotContain("sync_states");
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, Versions.LATEST));
            Map<String, Map<String, Object>> rows = syncMetadata(database, vendor);
            assertThat(rows).hasSize(6);

            // sync_states is newer: it wins every shared field; the fields only it has come from it; sync_metadata's own fields stay.
            Map<String, Object> stateNewer = rows.get("issue/both-state-newer");
            assertThat(stateNewer).containsEntry("jira_id", "J-2").containsEntry("sync_status", "completed")
                    .containsEntry("error_count", 0L).containsEntry("last_error", null)
                    .containsEntry("last_sync_attempt", Instant.parse("2026-01-02T00:00:00Z"))
                    .containsEntry("last_successful_sync", Instant.parse("2026-01-02T00:00:00Z"))
                    .containsEntry("created_at", Instant.parse("2025-06-01T00:00:00Z"))
                    .containsEntry("resolution_strategy", "manual").containsEntry("sync_duration_ms", 250L)
                    .containsEntry("api_calls_count", 4L).containsEntry("sync_direction", "remote_to_local")
                    .containsEntry("content_hash", "hash-1");
            assertThat(JSON.readTree((String) stateNewer.get("conflicts"))).isEqualTo(JSON.readTree(OVERLAP_CONFLICTS));

            // sync_metadata is newer: it keeps its shared fields; the fields only sync_states has still come from it.
            Map<String, Object> metadataNewer = rows.get("issue/both-metadata-newer");
            assertThat(metadataNewer).containsEntry("jira_id", "J-3").containsEntry("sync_status", "failed")
                    .containsEntry("error_count", 3L).containsEntry("last_error", "HTTP 500")
                    .containsEntry("last_sync_attempt", Instant.parse("2026-01-05T10:00:00Z"))
                    .containsEntry("created_at", Instant.parse("2025-01-01T00:00:00Z"))
                    .containsEntry("resolution_strategy", "jira_wins").containsEntry("sync_duration_ms", 90L)
                    .containsEntry("api_calls_count", 2L).containsEntry("conflicts", null);

            // sync_metadata never attempted: any attempt in sync_states is later.
            assertThat(rows.get("sprint/metadata-never-attempted")).containsEntry("sync_status", "skipped")
                    .containsEntry("last_sync_attempt", Instant.parse("2026-01-03T12:30:00Z"));

            Map<String, Object> brandNew = rows.get("project/only-in-states");
            assertThat(brandNew).containsEntry("jira_id", "J-10").containsEntry("sync_status", "failed")
                    .containsEntry("last_sync_attempt", Instant.parse("2026-01-04T08:15:30Z"))
                    .containsEntry("last_successful_sync", Instant.parse("2026-01-01T08:00:00Z"))
                    .containsEntry("resolution_strategy", "local_wins").containsEntry("sync_duration_ms", 1200L)
                    .containsEntry("api_calls_count", 9L).containsEntry("error_count", 2L).containsEntry("last_error", "timeout")
                    .containsEntry("created_at", Instant.parse("2025-12-24T18:00:00Z"))
                    .containsEntry("updated_at", Instant.parse("2026-01-04T08:15:31Z"));
            assertThat(JSON.readTree((String) brandNew.get("conflicts"))).isEqualTo(JSON.readTree(NEW_CONFLICTS));
            assertThat(rows.get("board/only-in-states-no-attempt")).containsEntry("sync_status", "pending")
                    .containsEntry("last_sync_attempt", null).containsEntry("api_calls_count", 0L);
            assertThat(rows.get("board/only-in-metadata")).containsEntry("sync_status", "completed").containsEntry("jira_id", "J-5");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theHistoryRowOfTheRemovedSixIsToleratedByStatusValidateMigrateAndDowngrade(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            LegacyDatabase.craft(database);
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));

            SchemaStatus legacy = migrations.status();
            assertThat(legacy.currentVersion()).isEqualTo(6);
            assertThat(legacy.migrations()).filteredOn(m -> m.version() == 6).singleElement().satisfies(six -> {
                assertThat(six.state()).isEqualTo(MigrationState.MISSING_TOLERATED);
                assertThat(six.installedBy()).isEqualTo("legacy");
            });
            assertThat(legacy.pending()).extracting(MigrationEntry::version).containsExactlyElementsOf(Versions.above(6));
            assertThat(migrations.validate().problems()).isEmpty();

            assertThat(migrations.upgradeWithReport(null, MigrationProgress.NONE).legacyRowsMerged()).isZero();
            assertThat(migrations.validate().problems()).isEmpty();
            assertThat(migrations.status().migrations()).filteredOn(m -> m.version() == 6).extracting(MigrationEntry::state)
                    .containsExactly(MigrationState.MISSING_TOLERATED);

            assertThat(migrations.preview(4).steps()).extracting(PlannedStep::version).containsExactlyElementsOf(
                    Stream.concat(Versions.above(6).reversed().stream(), Stream.of(6)).toList());
            assertThat(migrations.downgrade(4, BackupChoice.NO_BACKUP, MigrationProgress.NONE).status().currentVersion()).isEqualTo(4);
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, 4));
            assertThat(migrations.upgrade(null, MigrationProgress.NONE).currentVersion()).isEqualTo(Versions.LATEST);
            assertThat(migrations.validate().problems()).isEmpty();
        }
    }

    private static void insertLegacyRows(Database database, Vendor vendor) throws SQLException {
        // Written as the original system did: plain UTC text timestamps, and on SQLite one epoch-milliseconds value.
        String stateNewerAttempt = vendor == Vendor.SQLITE ? "1767312000000" : "'2026-01-02 00:00:00'";
        try (Connection connection = database.connection(); Statement s = connection.createStatement()) {
            String metadata = "INSERT INTO sync_metadata (entity_type, entity_id, jira_id, sync_status, last_sync_attempt, last_successful_sync, "
                    + "error_count, last_error, sync_direction, content_hash, created_at) VALUES ";
            s.execute(metadata + "('issue', 'both-state-newer', NULL, 'failed', " + ts(vendor, "2026-01-01 10:00:00") + ", NULL, 1, 'HTTP 429', "
                    + "'remote_to_local', 'hash-1', " + ts(vendor, "2025-01-01 00:00:00") + ")");
            s.execute(metadata + "('issue', 'both-metadata-newer', 'J-3', 'failed', " + ts(vendor, "2026-01-05 10:00:00") + ", NULL, 3, 'HTTP 500', "
                    + "'bidirectional', 'hash-2', " + ts(vendor, "2025-01-01 00:00:00") + ")");
            s.execute(metadata + "('sprint', 'metadata-never-attempted', 'J-4', 'pending', NULL, NULL, 0, NULL, 'bidirectional', NULL, "
                    + ts(vendor, "2025-01-01 00:00:00") + ")");
            s.execute(metadata + "('board', 'only-in-metadata', 'J-5', 'completed', " + ts(vendor, "2026-01-01 00:00:00") + ", "
                    + ts(vendor, "2026-01-01 00:00:00") + ", 0, NULL, 'bidirectional', NULL, " + ts(vendor, "2025-01-01 00:00:00") + ")");

            String states = "INSERT INTO sync_states (id, entity_type, entity_id, jira_id, sync_status, last_sync_attempt, last_successful_sync, "
                    + "conflicts, resolution_strategy, sync_duration_ms, api_calls_count, error_count, last_error, created_at, updated_at) VALUES ";
            s.execute(states + "(1, 'issue', 'both-state-newer', 'J-2', 'completed', " + stateNewerAttempt + ", '2026-01-02 00:00:00', '"
                    + OVERLAP_CONFLICTS + "', 'manual', 250, 4, 0, NULL, '2025-06-01 00:00:00', NULL)");
            s.execute(states + "(2, 'issue', 'both-metadata-newer', 'J-OLD', 'completed', '2026-01-03 00:00:00', '2026-01-03 00:00:00', NULL, "
                    + "'jira_wins', 90, 2, 0, NULL, '2025-06-01 00:00:00', NULL)");
            s.execute(states + "(3, 'sprint', 'metadata-never-attempted', NULL, 'skipped', '2026-01-03 12:30:00', NULL, NULL, NULL, NULL, 0, 0, "
                    + "NULL, '2025-06-01 00:00:00', NULL)");
            s.execute(states + "(4, 'project', 'only-in-states', 'J-10', 'failed', '2026-01-04 08:15:30', '2026-01-01 08:00:00', '"
                    + NEW_CONFLICTS + "', 'local_wins', 1200, 9, 2, 'timeout', '2025-12-24 18:00:00', '2026-01-04 08:15:31')");
            s.execute(states + "(5, 'board', 'only-in-states-no-attempt', NULL, 'pending', NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, "
                    + "'2025-12-24 18:00:00', NULL)");
        }
    }

    private static String ts(Vendor vendor, String utc) {
        return vendor == Vendor.SQLITE ? "'" + utc + ".000000'" : "'" + utc + "+00'";
    }

    private static Map<String, Map<String, Object>> syncMetadata(Database database, Vendor vendor) throws SQLException {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        try (Connection connection = database.connection(); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM sync_metadata")) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (String column : new String[] {"jira_id", "sync_status", "last_error", "resolution_strategy", "sync_direction", "content_hash", "conflicts"}) {
                    row.put(column, rs.getString(column));
                }
                for (String column : new String[] {"error_count", "sync_duration_ms", "api_calls_count"}) {
                    long value = rs.getLong(column);
                    row.put(column, rs.wasNull() ? null : value);
                }
                for (String column : new String[] {"last_sync_attempt", "last_successful_sync", "created_at", "updated_at"}) {
                    row.put(column, instant(rs, column, vendor));
                }
                rows.put(rs.getString("entity_type") + "/" + rs.getString("entity_id"), row);
            }
        }
        return rows;
    }

    private static Instant instant(ResultSet rs, String column, Vendor vendor) throws SQLException {
        if (vendor == Vendor.POSTGRESQL) {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        return SqliteTimestamps.parse(rs.getObject(column)).orElse(null);
    }
}
