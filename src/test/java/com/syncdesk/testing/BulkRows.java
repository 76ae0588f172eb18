package com.syncdesk.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.SqliteTimestamps;
import com.syncdesk.persistence.Vendor;

/**
 * Many rows in every table of the latest schema, written with JDBC batches in one transaction. Ids
 * are 1..n; optional columns are null in every third row so non-null counts differ from row counts.
 */
public final class BulkRows {

    private static final Instant BASE = Instant.parse("2026-01-01T08:00:00.123456Z");

    /** Every table of the latest schema, parents first. */
    public static final List<String> TABLES = List.of("projects", "boards", "sprints", "issues", "operators",
            "sync_metadata", "conflict_resolutions", "sync_history", "audit_log");

    private BulkRows() {
    }

    public static void fill(Database database, int rowsPerTable) {
        boolean pg = database.vendor() == Vendor.POSTGRESQL;
        String ts = pg ? "CAST(? AS timestamptz)" : "?";
        String json = pg ? "CAST(? AS jsonb)" : "?";
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            batch(c, rowsPerTable, "INSERT INTO projects (id, jira_project_id, project_key, name, project_type, updated_at) VALUES (?, ?, ?, ?, ?, " + ts + ")",
                    (p, i) -> {
                        p.setLong(1, i);
                        text(p, 2, i, "JP" + i);
                        p.setString(3, "P" + i);
                        p.setString(4, "Project " + i);
                        text(p, 5, i, "software");
                        time(p, 6, i, i, pg);
                    });
            batch(c, rowsPerTable, "INSERT INTO boards (id, jira_board_id, name, board_type, project_key) VALUES (?, ?, ?, ?, ?)",
                    (p, i) -> {
                        p.setLong(1, i);
                        p.setInt(2, 1000 + i);
                        p.setString(3, "Board " + i);
                        p.setString(4, i % 2 == 0 ? "kanban" : "scrum");
                        text(p, 5, i, "P" + i);
                    });
            batch(c, rowsPerTable, "INSERT INTO sprints (id, jira_sprint_id, name, state, start_date, end_date, complete_date, goal, board_id, "
                    + "origin_board_id, jira_last_updated, sync_status, sync_conflicts, jira_board_name, jira_project_key, jira_version) "
                    + "VALUES (?, ?, ?, ?, " + ts + ", " + ts + ", " + ts + ", ?, ?, ?, " + ts + ", ?, " + json + ", ?, ?, ?)",
                    (p, i) -> {
                        p.setLong(1, i);
                        p.setInt(2, 5000 + i);
                        p.setString(3, "Sprint " + i);
                        p.setString(4, i % 3 == 0 ? "closed" : "active");
                        p.setString(5, stamp(pg, 0));
                        p.setString(6, stamp(pg, 14 * 24 * 3600));
                        time(p, 7, i, 10 * 24 * 3600, pg);
                        text(p, 8, i, "Goal " + i);
                        p.setLong(9, i);
                        p.setLong(10, i);
                        time(p, 11, i, i * 7L, pg);
                        text(p, 12, i, i % 2 == 0 ? "completed" : "failed");
                        text(p, 13, i, "[{\"field\":\"name\",\"local\":\"a" + i + "\",\"remote\":\"b\"}]");
                        text(p, 14, i, "Board " + i);
                        text(p, 15, i, "P" + i);
                        text(p, 16, i, "v" + i);
                    });
            batch(c, rowsPerTable, "INSERT INTO issues (id, jira_issue_id, issue_key, summary, status, issue_type, priority, assignee, "
                    + "story_points, sprint_id, updated_at_remote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + ts + ")",
                    (p, i) -> {
                        p.setLong(1, i);
                        text(p, 2, i, "JI" + i);
                        p.setString(3, "BULK-" + i);
                        p.setString(4, "Summary " + i);
                        text(p, 5, i, "To Do");
                        text(p, 6, i, "Story");
                        text(p, 7, i, "High");
                        text(p, 8, i, "dev" + i);
                        if (i % 3 == 0) {
                            p.setNull(9, Types.NUMERIC);
                        } else {
                            p.setBigDecimal(9, new BigDecimal(i % 13 + ".50"));
                        }
                        p.setLong(10, i);
                        time(p, 11, i, i, pg);
                    });
            batch(c, rowsPerTable, "INSERT INTO operators (id, username, display_name) VALUES (?, ?, ?)",
                    (p, i) -> {
                        p.setLong(1, i);
                        p.setString(2, "op" + i);
                        text(p, 3, i, "Operator " + i);
                    });
            batch(c, rowsPerTable, "INSERT INTO sync_metadata (id, entity_type, entity_id, jira_id, sync_status, last_sync_attempt, "
                    + "last_successful_sync, error_count, last_error, sync_direction, sync_batch_id, content_hash, local_modified, "
                    + "remote_modified, resolution_strategy, sync_duration_ms, api_calls_count, conflicts, row_version) "
                    + "VALUES (?, ?, ?, ?, ?, " + ts + ", " + ts + ", ?, ?, ?, ?, ?, " + ts + ", " + ts + ", ?, ?, ?, " + json + ", ?)",
                    (p, i) -> {
                        p.setLong(1, i);
                        p.setString(2, i % 2 == 0 ? "issue" : "sprint");
                        p.setString(3, "E-" + i);
                        text(p, 4, i, "J-" + i);
                        p.setString(5, i % 3 == 0 ? "failed" : "completed");
                        time(p, 6, i, i * 60L, pg);
                        time(p, 7, i, i * 60L - 5, pg);
                        p.setInt(8, i % 4);
                        text(p, 9, i, "HTTP 429 for " + i);
                        p.setString(10, "bidirectional");
                        text(p, 11, i, "batch-" + (i / 100));
                        text(p, 12, i, "%064d".formatted(i));
                        time(p, 13, i, i, pg);
                        time(p, 14, i, i + 1L, pg);
                        text(p, 15, i, i % 2 == 0 ? "manual" : "jira_wins");
                        if (i % 3 == 0) {
                            p.setNull(16, Types.INTEGER);
                        } else {
                            p.setInt(16, i * 3);
                        }
                        p.setInt(17, i % 7);
                        text(p, 18, i, "[{\"field\":\"summary\",\"local\":\"l" + i + "\",\"remote\":\"r\"}]");
                        p.setInt(19, i % 5);
                    });
            batch(c, rowsPerTable, "INSERT INTO conflict_resolutions (id, sync_metadata_id, conflict_type, field_name, local_value, remote_value, "
                    + "resolution_strategy, resolved_value, resolved_by, resolved_at, is_resolved, resolution_notes, row_version, base_value) "
                    + "VALUES (?, ?, ?, ?, " + json + ", " + json + ", ?, " + json + ", ?, " + ts + ", ?, ?, ?, " + json + ")",
                    (p, i) -> {
                        p.setLong(1, i);
                        p.setLong(2, i);
                        p.setString(3, "field_conflict");
                        text(p, 4, i, "summary");
                        text(p, 5, i, "\"local " + i + "\"");
                        text(p, 6, i, "\"remote " + i + "\"");
                        p.setString(7, "manual");
                        text(p, 8, i, "\"resolved " + i + "\"");
                        if (i % 3 == 0) {
                            p.setNull(9, Types.BIGINT);
                        } else {
                            p.setLong(9, i);
                        }
                        time(p, 10, i, i, pg);
                        p.setBoolean(11, i % 2 == 0);
                        text(p, 12, i, "note " + i);
                        p.setInt(13, i % 3);
                        text(p, 14, i, "\"base " + i + "\"");
                    });
            batch(c, rowsPerTable, "INSERT INTO sync_history (id, operation_type, entity_type, batch_id, entities_processed, api_calls_made, "
                    + "duration_seconds, status, error_message, sync_details, initiated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + json + ", ?)",
                    (p, i) -> {
                        p.setLong(1, i);
                        p.setString(2, "full_sync");
                        text(p, 3, i, "issue");
                        text(p, 4, i, "batch-" + i);
                        p.setInt(5, i);
                        p.setInt(6, i * 2);
                        p.setDouble(7, i / 8.0);
                        p.setString(8, "completed");
                        text(p, 9, i, "error " + i);
                        text(p, 10, i, "{\"n\":" + i + "}");
                        if (i % 3 == 0) {
                            p.setNull(11, Types.BIGINT);
                        } else {
                            p.setLong(11, i);
                        }
                    });
            batch(c, rowsPerTable, "INSERT INTO audit_log (id, at, operator, action, entity_type, entity_id, details) VALUES (?, " + ts + ", ?, ?, ?, ?, " + json + ")",
                    (p, i) -> {
                        p.setLong(1, i);
                        p.setString(2, stamp(pg, i));
                        p.setString(3, "op" + i);
                        p.setString(4, "retry");
                        text(p, 5, i, "issue");
                        text(p, 6, i, "E-" + i);
                        text(p, 7, i, "{\"reason\":\"bulk " + i + "\"}");
                    });
            if (pg) {
                try (Statement s = c.createStatement()) {
                    for (String table : TABLES) {
                        s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (rowsPerTable + 1) + ", false)");
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface RowBinder {
        void bind(PreparedStatement statement, int row) throws SQLException;
    }

    private static void batch(Connection connection, int rows, String sql, RowBinder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= rows; i++) {
                binder.bind(statement, i);
                statement.addBatch();
                if (i % 1000 == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        }
    }

    private static void text(PreparedStatement p, int index, int row, String value) throws SQLException {
        if (row % 3 == 0) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }

    private static void time(PreparedStatement p, int index, int row, long offsetSeconds, boolean pg) throws SQLException {
        if (row % 3 == 0) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, stamp(pg, offsetSeconds));
        }
    }

    private static String stamp(boolean pg, long offsetSeconds) {
        Instant at = BASE.plus(offsetSeconds, ChronoUnit.SECONDS);
        return pg ? at.toString() : SqliteTimestamps.format(at);
    }
}
