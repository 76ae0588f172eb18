package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

class PreviewAndDataLossTest {

    private static final List<Integer> VERSIONS = Versions.ALL;

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theDataLossReportCountsWhatAnIndependentQueryCounts(Vendor vendor) throws SQLException {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 600);

            MigrationPlan plan = migrations.preview(1);

            List<String> expected = new ArrayList<>();
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                for (String table : List.of("jira_connection", "jira_sync_scope", "sync_snapshots")) {
                    expected.add("12 table " + table + " " + count(statement, "SELECT count(*) FROM " + table));
                }
                for (String column : List.of("sync_metadata.failure_kind", "sync_metadata.next_attempt_at", "sync_metadata.parked_at")) {
                    expected.add("12 column " + column + " " + nonNull(statement, column));
                }
                expected.add("9 table audit_log " + count(statement, "SELECT count(*) FROM audit_log"));
                for (String column : List.of("sync_metadata.row_version", "conflict_resolutions.row_version", "conflict_resolutions.base_value")) {
                    expected.add("9 column " + column + " " + nonNull(statement, column));
                }
                for (String column : List.of("jira_last_updated", "sync_status", "sync_conflicts", "jira_board_name", "jira_project_key", "jira_version")) {
                    expected.add("8 column sprints." + column + " " + nonNull(statement, "sprints." + column));
                }
                for (String column : List.of("resolution_strategy", "sync_duration_ms", "api_calls_count", "conflicts")) {
                    expected.add("7 column sync_metadata." + column + " " + nonNull(statement, "sync_metadata." + column));
                }
                for (String table : List.of("sync_history", "conflict_resolutions", "sync_metadata")) {
                    expected.add("4 table " + table + " " + count(statement, "SELECT count(*) FROM " + table));
                }
                expected.add("2 table operators " + count(statement, "SELECT count(*) FROM operators"));
            }
            assertThat(plan.dataLoss()).extracting(loss -> loss.version() + " " + loss.drop().describe() + " " + loss.values())
                    .containsExactlyElementsOf(expected);
            assertThat(expected).anyMatch(line -> line.endsWith(" 400")).anyMatch(line -> line.endsWith(" 600"));
            assertThat(plan.losesData()).isTrue();
            assertThat(plan.toVersion()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void eachUndoScriptDeclaresExactlyTheTablesAndColumnsItDrops(Vendor vendor) {
        int previous = 0;
        for (int version : VERSIONS) {
            Set<String> dropped = new LinkedHashSet<>();
            Map<String, List<String>> before = FreshSchemas.columnsAt(vendor, version);
            Map<String, List<String>> after = FreshSchemas.columnsAt(vendor, previous);
            try (Database database = TestDatabases.open(vendor, tempDir)) {
                MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
                migrations.upgrade(version, MigrationProgress.NONE);
                String description = migrations.status().migrations().stream().filter(m -> m.version() == version)
                        .findFirst().orElseThrow().description();
                List<String> derived = MigrationCatalog.undoScript(vendor, version, description).derivedTables();
                assertThat(before.keySet()).containsAll(derived);
                before.forEach((table, columns) -> {
                    if (derived.contains(table)) {
                        assertThat(after).as("derived table %s", table).doesNotContainKey(table);
                    } else if (!after.containsKey(table)) {
                        dropped.add("table " + table);
                    } else {
                        columns.stream().filter(c -> !after.get(table).contains(c)).forEach(c -> dropped.add("column " + table + "." + c));
                    }
                });
                MigrationPlan plan = migrations.preview(previous);
                assertThat(plan.dataLoss()).as("undo %d", version).extracting(loss -> loss.drop().describe())
                        .containsExactlyInAnyOrderElementsOf(dropped);
                assertThat(plan.losesData()).isFalse();
            }
            previous = version;
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDowngradePreviewListsTheUndoStatementsAndHistoryRemovalsNewestFirstAndChangesNothing(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 50);
            List<String> schema = SchemaSnapshot.capture(database);
            Map<String, List<String>> rows = TableDump.of(database);

            MigrationPlan plan = migrations.preview(6);

            assertThat(plan.direction()).isEqualTo(MigrationPlan.Direction.DOWNGRADE);
            assertThat(plan.fromVersion()).isEqualTo(Versions.LATEST);
            assertThat(plan.toVersion()).isEqualTo(4);
            assertThat(plan.steps()).extracting(PlannedStep::version).containsExactlyElementsOf(Versions.above(6).reversed());
            PlannedStep undo10 = plan.steps().stream().filter(step -> step.version() == 10).findFirst().orElseThrow();
            assertThat(undo10.statements()).first().asString().startsWith("DROP TRIGGER ");
            assertThat(plan.steps().get(plan.steps().size() - 3).statements()).startsWith("DROP TABLE audit_log")
                    .endsWith("DELETE FROM flyway_schema_history WHERE version = '9'");
            assertThat(plan.steps().getLast().statements()).first().isEqualTo("DROP INDEX idx_sync_performance");
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(schema);
            assertThat(TableDump.of(database)).isEqualTo(rows);
            assertThat(migrations.status().currentVersion()).isEqualTo(Versions.LATEST);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anUpgradePreviewListsThePendingMigrationsStatementsUpToTheTarget(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(2, MigrationProgress.NONE);

            MigrationPlan plan = migrations.preview(7);

            assertThat(plan.direction()).isEqualTo(MigrationPlan.Direction.UPGRADE);
            assertThat(plan.toVersion()).isEqualTo(7);
            assertThat(plan.steps()).extracting(PlannedStep::version).containsExactly(4, 7);
            assertThat(plan.steps().getFirst().statements()).first().asString().startsWith("CREATE TABLE sync_metadata");
            assertThat(plan.steps().get(1).statements()).last().isEqualTo("DROP TABLE sync_states");
            assertThat(plan.dataLoss()).isEmpty();
            assertThat(migrations.status().currentVersion()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anUpgradePreviewShowsTriggersAndFunctionsAsWholeStatements(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(9, MigrationProgress.NONE);

            List<String> statements = migrations.preview(10).steps().getFirst().statements();

            List<String> triggers = statements.stream().filter(sql -> sql.startsWith("CREATE TRIGGER")).toList();
            assertThat(triggers).hasSize(vendor == Vendor.SQLITE ? 5 : 4);
            if (vendor == Vendor.SQLITE) {
                assertThat(triggers).allSatisfy(sql -> assertThat(sql).contains("BEGIN").endsWith("END"));
            } else {
                assertThat(statements.stream().filter(sql -> sql.startsWith("CREATE FUNCTION")))
                        .hasSize(2).allSatisfy(sql -> assertThat(sql).contains("RETURN NULL;").endsWith("$$"));
            }
            assertThat(statements).noneMatch(sql -> sql.startsWith("INSERT INTO sync_duration_counts SELECT")
                    || sql.startsWith("END") || sql.startsWith("RETURN"));
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long nonNull(Statement statement, String qualifiedColumn) throws SQLException {
        String[] parts = qualifiedColumn.split("\\.");
        return count(statement, "SELECT count(*) FROM " + parts[0] + " WHERE " + parts[1] + " IS NOT NULL");
    }
}
