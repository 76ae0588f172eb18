package com.syncdesk.syncstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.app.Workspace;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.testing.CountTables;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestWorkspaces;

/** The counts behind the dashboard (V10) always equal what a scan of sync_metadata says, whoever writes. */
class DashboardCountsTest {

    /** The same figures computed from the states themselves, in the shape {@link TableDump} gives the count tables. */
    @TempDir
    Path tempDir;

    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void countsFollowEveryKindOfWrite(Vendor vendor) throws SQLException {
        workspace = TestWorkspaces.open(vendor, tempDir);
        Database database = workspace.database();
        SyncStateService service = workspace.syncStates();
        StateRows.insert(database, 3_000, 11);
        assertCountsMatchTheStates(database, "after plain inserts");
        assertThat(TableDump.of(database).get("sync_error_counts")).hasSizeGreaterThan(3);

        service.apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all().withStatuses(SyncStatus.FAILED)), "tester");
        assertCountsMatchTheStates(database, "after a bulk retry");
        service.apply(StateAction.SKIP, Selection.matching(SyncStateFilter.all().withTypes(EntityType.SPRINT)), "tester");
        assertCountsMatchTheStates(database, "after a bulk skip");
        SyncState state = service.createSyncState(EntityType.ISSUE, "NEW-1", null);
        state = service.markInProgress(state, "b1");
        state = service.markFailed(state, "HTTP 503 Service Unavailable");
        service.markSucceeded(state, 1234, 7, "ab".repeat(32), null);
        assertCountsMatchTheStates(database, "after a worker's lifecycle");

        try (Connection connection = database.connection(); Statement other = connection.createStatement()) {
            other.executeUpdate("UPDATE sync_metadata SET sync_duration_ms = sync_duration_ms + 1, api_calls_count = api_calls_count + 2 "
                    + "WHERE id % 3 = 0");
            other.executeUpdate("UPDATE sync_metadata SET sync_duration_ms = NULL WHERE id % 7 = 0");
            other.executeUpdate("UPDATE sync_metadata SET sync_status = 'failed', last_error = 'Read timed out' WHERE id % 5 = 0");
            other.executeUpdate("UPDATE sync_metadata SET last_error = NULL WHERE id % 11 = 0");
            other.executeUpdate("UPDATE sync_metadata SET entity_type = 'board', entity_id = 'moved-' || entity_id WHERE id % 13 = 0");
            other.executeUpdate("DELETE FROM sync_metadata WHERE id % 17 = 0");
        }
        assertCountsMatchTheStates(database, "after another client's updates and deletes");
        service.apply(StateAction.RESET_ERRORS, Selection.matching(SyncStateFilter.all()), "tester");
        assertCountsMatchTheStates(database, "after resetting errors");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void demoDataLeavesCountsThatMatchAndTriggersThatStillCount(Vendor vendor) throws SQLException {
        workspace = TestWorkspaces.open(vendor, tempDir);
        workspace.demoData().generate(2_000, 5, DemoDataGenerator.Progress.NONE);
        assertCountsMatchTheStates(workspace.database(), "after the demo load");

        workspace.syncStates().apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all().withStatuses(SyncStatus.FAILED)), "tester");
        assertCountsMatchTheStates(workspace.database(), "after a retry on demo data");
        assertThat(workspace.syncStates().statistics(null, 24).byStatus()).doesNotContainKey("failed");
    }

    /** A total of statuses and types comes from the counts; it must equal the count a scan gives. */
    @ParameterizedTest
    @EnumSource(Vendor.class)
    void totalsOfStatusesAndTypesFromTheCountsEqualAScan(Vendor vendor) throws SQLException {
        workspace = TestWorkspaces.open(vendor, tempDir);
        Database database = workspace.database();
        SyncStateService service = workspace.syncStates();
        StateRows.insert(database, 2_000, 17);
        service.apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all().withStatuses(SyncStatus.FAILED).withTypes(EntityType.SPRINT)), "tester");

        List<SyncStateFilter> filters = new ArrayList<>(List.of(SyncStateFilter.all(),
                SyncStateFilter.all().withStatuses(SyncStatus.FAILED, SyncStatus.SKIPPED),
                SyncStateFilter.all().withTypes(EntityType.BOARD)));
        for (SyncStatus status : SyncStatus.values()) {
            for (EntityType type : EntityType.values()) {
                filters.add(SyncStateFilter.all().withStatuses(status).withTypes(type));
            }
        }
        for (SyncStateFilter filter : filters) {
            assertThat(filter.onlyStatusesAndTypes()).isTrue();
            long scanned = StateRows.scalar(database, "SELECT count(*) FROM sync_metadata s"
                    + (filter.statuses().isEmpty() && filter.types().isEmpty() ? "" : " WHERE " + literal(filter)));
            assertThat(service.count(filter)).as(filter.describe().toString()).isEqualTo(scanned);
        }
        assertThat(service.count(SyncStateFilter.all())).isEqualTo(2_000);
        assertThat(SyncStateFilter.all().withBatch("b-1").onlyStatusesAndTypes()).isFalse();
    }

    private static String literal(SyncStateFilter filter) {
        List<String> terms = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            terms.add("s.sync_status IN ('" + String.join("', '", filter.statuses().stream().map(SyncStatus::wire).toList()) + "')");
        }
        if (!filter.types().isEmpty()) {
            terms.add("s.entity_type IN ('" + String.join("', '", filter.types().stream().map(EntityType::wire).toList()) + "')");
        }
        return String.join(" AND ", terms);
    }

    /** PostgreSQL's writers append delta rows; a read folds them while writers and a second console keep going. */
    @Test
    void foldingDeltaRowsOnPostgresqlChangesNoFigureWhileOthersWrite() throws Exception {
        workspace = TestWorkspaces.open(Vendor.POSTGRESQL, tempDir);
        Database database = workspace.database();
        StateRows.insert(database, 500, 3);
        try (Connection connection = database.connection();
             PreparedStatement toggle = connection.prepareStatement("UPDATE sync_metadata SET sync_status = CASE WHEN sync_status = "
                     + "'completed' THEN 'pending' ELSE 'completed' END, sync_duration_ms = coalesce(sync_duration_ms, 0) + 1 WHERE id = ?")) {
            for (int i = 0; i < DashboardCounts.DELTA_ROWS_BEFORE_FOLDING / 2 + 10; i++) {
                toggle.setLong(1, 1 + i % 500);
                toggle.executeUpdate();
            }
        }
        assertThat(rows(database, "sync_state_counts")).isGreaterThan(DashboardCounts.DELTA_ROWS_BEFORE_FOLDING);

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = threads.submit(() -> {
                try (Connection connection = database.connection();
                     PreparedStatement toggle = connection.prepareStatement("UPDATE sync_metadata SET sync_status = CASE WHEN "
                             + "sync_status = 'failed' THEN 'pending' ELSE 'failed' END, sync_duration_ms = 5 WHERE id = ?")) {
                    for (int i = 0; writing.get(); i++) {
                        toggle.setLong(1, 1 + i % 500);
                        toggle.executeUpdate();
                    }
                }
                return null;
            });
            List<Future<SyncStatistics>> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                readers.add(threads.submit(() -> workspace.syncStates().statistics(null, 24)));
            }
            for (Future<SyncStatistics> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS).total()).isEqualTo(500);
            }
            writing.set(false);
            writer.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertCountsMatchTheStates(database, "after folding under concurrent writes");
        SyncStatistics folded = workspace.syncStates().statistics(null, 24);
        assertThat(rows(database, "sync_state_counts")).isLessThan(DashboardCounts.DELTA_ROWS_BEFORE_FOLDING);
        assertThat(folded.total()).isEqualTo(500);
    }

    /** Counts written past by a program that turned the triggers off are found by validate and rebuilt by repair. */
    @ParameterizedTest
    @EnumSource(Vendor.class)
    void validateFindsCountsThatDriftedAndRepairRecountsThem(Vendor vendor) throws SQLException {
        workspace = TestWorkspaces.open(vendor, tempDir);
        Database database = workspace.database();
        StateRows.insert(database, 1_000, 21);
        MigrationService migrations = new MigrationService(database, "tester");
        assertThat(migrations.validate().problems()).isEmpty();

        StateRows.execute(database, "INSERT INTO sync_error_counts (entity_type, last_error, states) VALUES ('issue', 'written past the triggers', 4)");
        StateRows.execute(database, "UPDATE sync_duration_counts SET states = states + 1 WHERE sync_duration_ms = "
                + "(SELECT min(sync_duration_ms) FROM sync_duration_counts)");

        assertThat(migrations.validate().problems()).singleElement().asString()
                .contains("dashboard's counts differ from the sync states in 2 figures", "repair recounts them");
        migrations.repair();
        assertThat(migrations.validate().problems()).isEmpty();
        assertCountsMatchTheStates(database, "after repair");
    }

    @Test
    void truncatingTheStatesOnPostgresqlEmptiesTheCounts() throws SQLException {
        workspace = TestWorkspaces.open(Vendor.POSTGRESQL, tempDir);
        Database database = workspace.database();
        StateRows.insert(database, 200, 8);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE sync_metadata CASCADE");
        }
        assertCountsMatchTheStates(database, "after TRUNCATE");
        assertThat(workspace.syncStates().statistics(null, 24).total()).isZero();
    }

    private static void assertCountsMatchTheStates(Database database, String when) throws SQLException {
        CountTables.assertMatchTheStates(database, when);
    }

    private static long rows(Database database, String table) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
