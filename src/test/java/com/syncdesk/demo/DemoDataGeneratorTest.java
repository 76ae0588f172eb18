package com.syncdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.SyncStatistics;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestWorkspaces;

class DemoDataGeneratorTest {

    @TempDir
    Path tempDir;

    private final List<Workspace> open = new ArrayList<>();

    private Workspace workspace(Vendor vendor) {
        Workspace workspace = TestWorkspaces.open(vendor, tempDir);
        open.add(workspace);
        return workspace;
    }

    @AfterEach
    void close() {
        open.forEach(Workspace::close);
    }

    /** The load drops indexes, foreign keys (PostgreSQL) and triggers for speed; all of them must be back and hold. */
    @ParameterizedTest
    @EnumSource(Vendor.class)
    void leavesTheSchemaAsItFoundItWithEveryReferenceSound(Vendor vendor) throws SQLException {
        Workspace workspace = workspace(vendor);
        List<String> schema = SchemaSnapshot.capture(workspace.database());

        workspace.demoData().generate(2_000, 3, DemoDataGenerator.Progress.NONE);

        assertThat(SchemaSnapshot.capture(workspace.database())).isEqualTo(schema);
        if (vendor == Vendor.SQLITE) {
            try (Connection connection = workspace.database().connection(); Statement statement = connection.createStatement();
                 ResultSet violations = statement.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(violations.next()).as("a row whose reference points nowhere").isFalse();
            }
        }
        assertThatThrownBy(() -> StateRows.execute(workspace.database(), "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type) "
                + "VALUES (987654321, 'field_conflict')")).satisfies(refused -> assertThat(refused.getMessage()).containsIgnoringCase("foreign key"));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void fillsEveryTableWithABelievablePictureOfASync(Vendor vendor) {
        Workspace workspace = workspace(vendor);
        DemoDataGenerator.Summary summary = workspace.demoData().generate(3_000, 7, DemoDataGenerator.Progress.NONE);

        assertThat(summary.syncStates()).isEqualTo(3_000);
        assertThat(summary.projects() + summary.boards() + summary.sprints() + summary.issues()).isEqualTo(3_000);
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM sync_metadata")).isEqualTo(3_000);
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM issues")).isEqualTo(summary.issues());
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM issues WHERE issue_key NOT LIKE '%-%'")).isZero();
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(DISTINCT state) FROM sprints")).isEqualTo(3);
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM conflict_resolutions")).isEqualTo(summary.conflicts());
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM conflict_resolutions WHERE base_value IS NOT NULL")).isPositive();

        SyncStatistics stats = workspace.syncStates().statistics(null, 24);
        assertThat(stats.byStatus().keySet()).containsExactlyInAnyOrder("pending", "in_progress", "completed", "failed", "skipped");
        assertThat(stats.byType().keySet()).containsExactlyInAnyOrder("project", "board", "sprint", "issue");
        assertThat(stats.openConflicts()).isPositive();
        assertThat(stats.errorsByKind()).extracting(SyncStatistics.ErrorCount::message)
                .contains("rate limit", "authentication", "not found", "version conflict", "network", "validation");
        assertThat(workspace.history().runsPerDay(30)).hasSize(30).allSatisfy(day -> assertThat(day.runs()).isPositive());
        assertThat(workspace.demoData().isEmpty()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameData() {
        Workspace first = workspace(Vendor.SQLITE);
        Workspace second = workspace(Vendor.SQLITE);
        first.demoData().generate(800, 99, DemoDataGenerator.Progress.NONE);
        second.demoData().generate(800, 99, DemoDataGenerator.Progress.NONE);
        assertThat(withoutClockTimes(content(second))).isEqualTo(withoutClockTimes(content(first)));
    }

    /** Dates in conflict values count from the moment of generation; two runs may fall in different seconds. */
    private static List<String> withoutClockTimes(List<String> rows) {
        return rows.stream().map(row -> row.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", "<time>")).toList();
    }

    private static List<String> content(Workspace workspace) {
        return workspace.database().read((Connection connection) -> {
            List<String> rows = new ArrayList<>();
            rows.addAll(TableDump.rows(connection, "SELECT * FROM issues ORDER BY id", "issue_key", "summary", "status", "assignee", "story_points", "sprint_id"));
            rows.addAll(TableDump.rows(connection, "SELECT * FROM sync_metadata ORDER BY id", "entity_type", "entity_id", "sync_status",
                    "error_count", "last_error", "sync_duration_ms", "api_calls_count", "conflicts", "content_hash"));
            rows.addAll(TableDump.rows(connection, "SELECT * FROM conflict_resolutions ORDER BY id", "field_name", "local_value", "remote_value"));
            return rows;
        });
    }

    @Test
    void refusesADatabaseThatAlreadyHoldsDataAndChangesNothing() {
        Workspace workspace = workspace(Vendor.SQLITE);
        workspace.syncStates().createSyncState(EntityType.ISSUE, "1", null);
        assertThatThrownBy(() -> workspace.demoData().generate(100, 1, DemoDataGenerator.Progress.NONE))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("only goes into an empty database");
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM sync_metadata")).isEqualTo(1);
    }

    @Test
    void aCancelledLoadLeavesTheDatabaseEmptyAndUsable() {
        Workspace workspace = workspace(Vendor.SQLITE);
        assertThatThrownBy(() -> workspace.demoData().generate(120_000, 1, (done, total) -> done < 100_000))
                .hasMessageContaining("cancelled");
        assertThat(workspace.demoData().isEmpty()).isTrue();
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'idx_unique_entity'"))
                .isEqualTo(1);
        workspace.demoData().generate(500, 1, DemoDataGenerator.Progress.NONE);
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM sync_metadata")).isEqualTo(500);
    }
}
