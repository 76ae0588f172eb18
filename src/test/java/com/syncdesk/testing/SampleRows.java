package com.syncdesk.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.syncdesk.persistence.Database;

/** A few valid rows in every table that exists at a schema version, written as another client would, in plain SQL. */
public final class SampleRows {

    private SampleRows() {
    }

    public static void insertAt(Database database, int version, int seed) {
        try (Connection connection = database.connection(); Statement s = connection.createStatement()) {
            if (version >= 1) {
                s.execute("INSERT INTO projects (jira_project_id, project_key, name, project_type) VALUES ('10" + seed + "', 'P" + seed + "', 'Project " + seed + "', 'software')");
                s.execute("INSERT INTO boards (jira_board_id, name, board_type, project_key) VALUES (" + (100 + seed) + ", 'Board " + seed + "', 'kanban', 'P" + seed + "')");
                s.execute("INSERT INTO sprints (jira_sprint_id, name, state, start_date, end_date, goal, board_id) VALUES ("
                        + (200 + seed) + ", 'Sprint " + seed + "', 'active', '2026-01-01 09:00:00', '2026-01-14 17:00:00', 'Ship it', " + (100 + seed) + ")");
                s.execute("INSERT INTO issues (jira_issue_id, issue_key, summary, status, issue_type, story_points, sprint_id) VALUES ('30" + seed
                        + "', 'P" + seed + "-1', 'Summary " + seed + "', 'To Do', 'Story', 3.5, (SELECT max(id) FROM sprints))");
            }
            if (version >= 2) {
                s.execute("INSERT INTO operators (username, display_name) VALUES ('op" + seed + "', 'Operator " + seed + "')");
            }
            if (version >= 4) {
                s.execute("INSERT INTO sync_metadata (entity_type, entity_id, jira_id, sync_status, error_count, last_error, sync_batch_id) VALUES "
                        + "('issue', 'e" + seed + "', 'J-" + seed + "', 'failed', 2, 'HTTP 429', 'b" + seed + "')");
                s.execute("INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, field_name, local_value, remote_value) VALUES "
                        + "((SELECT max(id) FROM sync_metadata), 'field_conflict', 'summary', '\"mine\"', '\"theirs\"')");
                s.execute("INSERT INTO sync_history (operation_type, entity_type, entities_processed, status, duration_seconds) VALUES "
                        + "('full_sync', 'issue', 10, 'completed', 1.5)");
            }
            if (version >= 7) {
                s.execute("UPDATE sync_metadata SET resolution_strategy = 'manual', sync_duration_ms = 120, api_calls_count = 3, "
                        + "conflicts = '[{\"field\":\"summary\",\"local\":\"mine\",\"remote\":\"theirs\"}]' WHERE entity_id = 'e" + seed + "'");
            }
            if (version >= 8) {
                s.execute("UPDATE sprints SET sync_status = 'completed', jira_board_name = 'Board', jira_project_key = 'P" + seed
                        + "', jira_version = '1' WHERE jira_sprint_id = " + (200 + seed));
            }
            if (version >= 9) {
                s.execute("UPDATE conflict_resolutions SET base_value = '\"base\"', row_version = 1");
                s.execute("INSERT INTO audit_log (operator, action, entity_type, entity_id, details) VALUES ('op', 'retry', 'issue', 'e" + seed + "', '{\"n\":1}')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
