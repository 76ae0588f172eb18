package com.syncdesk.adoption;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.TestPostgres;

/**
 * Databases of the original system (sprint-reports) on the test PostgreSQL: its schema at revision 008
 * from the script SyncDesk ships, and rows written the way that system writes them: status names in the
 * native enums, Python's None as the JSON text {@code null}, JIRA sprint ids in {@code entity_id},
 * conflicts as one JSON object, auto-resolved REMOTE_WINS conflicts beside open MANUAL ones, runs
 * started by users, and rows in its own tables.
 */
public final class SprintReports {

    /** Sync states the fixture writes: 60 sprints (2 more whose sprint is gone), 340 issues, 5 boards, 3 projects. */
    static final int STATES = 410;

    private SprintReports() {
    }

    /** A new database at revision 008 without rows. */
    static ConnectionTarget emptyDatabase() {
        ConnectionTarget target = TestPostgres.freshDatabase();
        execute(target, OriginSchema.statements().toArray(String[]::new));
        return target;
    }

    /** A new database at revision 008 with several hundred sync states and everything around them. */
    public static ConnectionTarget withRows() {
        ConnectionTarget target = TestPostgres.freshDatabase();
        fill(target);
        return target;
    }

    /** Creates revision 008's schema in an empty database and writes the rows {@link #withRows()} has. */
    public static void fill(ConnectionTarget empty) {
        execute(empty, OriginSchema.statements().toArray(String[]::new));
        execute(empty, ROWS);
    }

    /** {@link #withRows()} adopted by SyncDesk, its backup in {@code backupFolder}. */
    public static ConnectionTarget adopted(Path backupFolder) {
        ConnectionTarget target = withRows();
        try (Database database = Database.open(target)) {
            Adoptions.of(database, "ops", backupFolder).adopt(MigrationProgress.NONE);
        }
        return target;
    }

    /** A command line on the database: {@code command} followed by its connection options. */
    static String[] cli(ConnectionTarget target, String... command) {
        String[] args = Arrays.copyOf(command, command.length + 4);
        args[command.length] = "--url";
        args[command.length + 1] = ((ConnectionTarget.PostgresServer) target).jdbcUrl();
        args[command.length + 2] = "--user";
        args[command.length + 3] = TestPostgres.USER;
        return args;
    }

    static void execute(ConnectionTarget target, String... statements) {
        try (Database database = Database.open(target, Database.OpenMode.EXISTING_ONLY);
             Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[] ROWS = {
            // Its own tables: users (one with a name longer than SyncDesk's display_name), roles, permissions.
            """
            INSERT INTO users (email, username, full_name, hashed_password, is_active, is_superuser, department, role,
                               jira_account_id, jira_display_name, failed_login_attempts, last_login)
            VALUES ('alice@example.com', 'alice', 'Alice Adams', '$2b$12$aliceHash', true, true, 'Platform', 'lead', 'acc-1', 'Alice A.', 0,
                    '2026-11-30 09:00:00+00'),
                   ('bob@example.com', 'bob', NULL, '$2b$12$bobHash', true, false, 'Platform', 'dev', 'acc-2', 'Bob in JIRA', 0, NULL),
                   ('carol@example.com', 'carol', 'Carol Chen', '$2b$12$carolHash', true, false, 'Data', 'dev', NULL, NULL, 2, NULL),
                   ('dave@example.com', 'dave', NULL, '$2b$12$daveHash', false, false, NULL, NULL, NULL, NULL, 5, NULL),
                   ('erin@example.com', 'erin', 'Erin Never-Acted', '$2b$12$erinHash', true, false, NULL, NULL, NULL, NULL, 0, NULL),
                   ('frank@example.com', 'frank', repeat('Frank ', 40), '$2b$12$frankHash', true, false, NULL, NULL, NULL, NULL, 0, NULL)""",
            """
            INSERT INTO roles (name, description, is_active)
            VALUES ('admin', 'Everything', true), ('operator', 'Runs syncs', true), ('viewer', NULL, false)""",
            """
            INSERT INTO permissions (name, description, resource_type, action, is_active)
            VALUES ('sync:run', NULL, 'sync', 'run', true), ('sync:resolve', 'Resolve conflicts', 'sync', 'resolve', true),
                   ('reports:read', NULL, 'reports', 'read', true), ('users:admin', NULL, 'users', 'admin', false)""",
            "INSERT INTO role_permissions (role_id, permission_id) VALUES (1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2), (3, 3)",
            "INSERT INTO user_roles (user_id, role_id, assigned_by) VALUES (1, 1, NULL), (2, 2, 1), (3, 2, 1), (4, 3, 1), (6, 2, NULL)",
            // 60 sprints on four boards (103 never named), three project keys and none; sync_conflicts as its models write it.
            """
            INSERT INTO sprints (created_at, updated_at, jira_sprint_id, name, state, start_date, end_date, complete_date, goal,
                                 board_id, origin_board_id, jira_last_updated, sync_status, sync_conflicts, jira_board_name,
                                 jira_project_key, jira_version)
            SELECT timestamptz '2026-01-05 08:00:00+00' + g * interval '7 days',
                   timestamptz '2026-01-06 08:00:00+00' + g * interval '7 days' + (g % 5) * interval '1 minute',
                   5000 + g,
                   (ARRAY['PROJ', 'PROJ', 'OPS', 'LAB'])[1 + g % 4] || ' Sprint ' || g,
                   CASE WHEN g > 55 THEN 'future' WHEN g > 50 THEN 'active' ELSE 'closed' END,
                   CASE WHEN g > 55 THEN NULL ELSE timestamptz '2026-01-05 09:00:00+00' + g * interval '7 days' END,
                   CASE WHEN g > 55 THEN NULL ELSE timestamptz '2026-01-19 09:00:00+00' + g * interval '7 days' END,
                   CASE WHEN g <= 50 THEN timestamptz '2026-01-19 12:30:00.123456+00' + g * interval '7 days' END,
                   CASE WHEN g % 6 = 0 THEN NULL ELSE 'Ship increment ' || g || E' \\u2014 caf\\u00e9 & "quotes"' END,
                   100 + g % 4, CASE WHEN g % 10 = 0 THEN 90 ELSE 100 + g % 4 END,
                   timestamptz '2026-11-20 10:00:00+00' + g * interval '1 hour',
                   (ARRAY['pending', 'in_progress', 'completed', 'failed', 'skipped', NULL])[1 + g % 6],
                   CASE WHEN g % 5 = 0 THEN json_build_object('name', json_build_object('local', 'Local ' || g, 'remote', 'Remote ' || g))
                        WHEN g % 5 IN (1, 2) THEN 'null'::json END,
                   CASE WHEN g % 4 = 3 THEN NULL ELSE (ARRAY['PROJ Scrum', 'PROJ Delivery', 'OPS Scrum', NULL])[1 + g % 4] END,
                   (ARRAY['PROJ', 'PROJ', 'OPS', NULL])[1 + g % 4],
                   CASE WHEN g % 3 = 0 THEN NULL ELSE (g % 40 + 1)::text END
            FROM generate_series(1, 60) g""",
            // Sync states as its SyncService writes them: sprints by JIRA sprint id (9998, 9999: sprints deleted since).
            """
            INSERT INTO sync_metadata (created_at, updated_at, entity_type, entity_id, jira_id, sync_status, last_sync_attempt,
                                       last_successful_sync, local_modified, remote_modified, error_count, last_error, sync_direction,
                                       sync_batch_id, content_hash, resolution_strategy, sync_duration_ms, api_calls_count, conflicts)
            SELECT timestamptz '2026-10-01 00:00:00+00' + n * interval '13 minutes',
                   timestamptz '2026-11-01 00:00:00+00' + n * interval '11 minutes',
                   e.entity_type, e.entity_id, e.jira_id,
                   (ARRAY['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'SKIPPED']::syncstatus[])[1 + n % 5],
                   CASE WHEN n % 5 = 0 THEN NULL ELSE timestamptz '2026-11-30 00:00:00+00' + n * interval '90 seconds' END,
                   CASE WHEN n % 5 = 2 THEN timestamptz '2026-11-30 00:00:00.5+00' + n * interval '90 seconds' END,
                   timestamptz '2026-11-29 00:00:00+00' + n * interval '1 minute',
                   CASE WHEN n % 2 = 0 THEN timestamptz '2026-11-28 00:00:00+00' + n * interval '1 minute' END,
                   CASE WHEN n % 5 = 3 THEN 1 + n % 4 ELSE 0 END,
                   CASE WHEN n % 5 = 3 THEN (ARRAY['JIRA answered 429 Too Many Requests', 'Connection reset by peer',
                                                   'JIRA answered 401 Unauthorized', NULL])[1 + n % 4] END,
                   (ARRAY['bidirectional', 'remote_to_local', 'local_to_remote'])[1 + n % 3],
                   'batch-' || (n % 7),
                   md5(e.entity_id),
                   (ARRAY['auto', 'manual', 'jira_wins', 'local_wins', NULL])[1 + n % 5],
                   CASE WHEN n % 5 = 0 THEN NULL ELSE 100 + (n * 37) % 900 END,
                   CASE WHEN n % 11 = 0 THEN NULL ELSE n % 6 END,
                   CASE WHEN n % 9 = 0 THEN json_build_object('field', 'end_date', 'local', '2026-11-20T10:00:00+00:00',
                                                              'remote', '2026-11-22T10:00:00+00:00')
                        WHEN n % 9 IN (1, 2, 3) THEN 'null'::json END
            FROM (SELECT row_number() OVER () AS n, * FROM (
                      SELECT 'sprint' AS entity_type, (5000 + g)::text AS entity_id, (5000 + g)::text AS jira_id FROM generate_series(1, 60) g
                      UNION ALL SELECT 'sprint', '9998', '9998' UNION ALL SELECT 'sprint', '9999', '9999'
                      UNION ALL SELECT 'issue', (10000 + g)::text, 'PROJ-' || g FROM generate_series(1, 340) g
                      UNION ALL SELECT 'board', b::text, b::text FROM unnest(ARRAY[100, 101, 102, 103, 777]) b
                      UNION ALL SELECT 'project', p, p FROM unnest(ARRAY['PROJ', 'OPS', 'GONE']) p) all_entities) e""",
            // Auto-resolved conflicts: REMOTE_WINS with its policy note, on states that still carry the conflict object.
            """
            INSERT INTO conflict_resolutions (created_at, updated_at, sync_metadata_id, conflict_type, field_name, local_value, remote_value,
                                              resolution_strategy, resolved_value, resolved_by, resolved_at, is_resolved, resolution_notes)
            SELECT m.created_at, m.updated_at, m.id, 'field_conflict', 'end_date', '"2026-11-20T10:00:00+00:00"', '"2026-11-22T10:00:00+00:00"',
                   'REMOTE_WINS', CASE WHEN m.id % 2 = 0 THEN '"2026-11-22T10:00:00+00:00"'::json ELSE 'null'::json END, NULL,
                   m.updated_at + interval '1 second', true, 'Auto-resolved: Remote wins policy'
            FROM sync_metadata m WHERE json_typeof(m.conflicts) = 'object'""",
            """
            INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, field_name, local_value, remote_value, resolution_strategy,
                                              resolved_value, resolved_by, resolved_at, is_resolved, resolution_notes)
            SELECT m.id, 'field_conflict', 'summary', json_build_object('text', 'Local summary ' || m.id), json_build_object('text', 'JIRA summary ' || m.id),
                   'REMOTE_WINS', json_build_object('text', 'JIRA summary ' || m.id), NULL, timestamptz '2026-11-25 12:00:00+00', true,
                   'Auto-resolved: Remote wins policy'
            FROM sync_metadata m WHERE m.entity_type = 'issue' AND m.id % 4 = 0""",
            // Resolved by people: LOCAL_WINS by alice, MANUAL by carol, one MERGE by bob.
            """
            INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, field_name, local_value, remote_value, resolution_strategy,
                                              resolved_value, resolved_by, resolved_at, is_resolved, resolution_notes)
            SELECT m.id, 'field_conflict', 'goal', '"Local goal"'::json, '"JIRA goal"'::json, 'LOCAL_WINS'::conflictresolutionstrategy,
                   '"Local goal"'::json, 1,
                   timestamptz '2026-11-26 08:00:00+00' + m.id * interval '1 minute', true, NULL
            FROM sync_metadata m WHERE m.entity_type = 'sprint' AND m.id BETWEEN 31 AND 40
            UNION ALL
            SELECT m.id, 'field_conflict', 'status', '"In Progress"', '"Done"', 'MANUAL', '"Done"', 3,
                   timestamptz '2026-11-27 08:00:00+00', true, 'Checked with the team'
            FROM sync_metadata m WHERE m.entity_type = 'issue' AND m.id % 50 = 1
            UNION ALL
            SELECT m.id, 'field_conflict', 'goal', '"Local goal"', '"JIRA goal"', 'MERGE', '"Local goal and JIRA goal"', 2,
                   timestamptz '2026-11-28 08:00:00+00', true, 'Combined both goals'
            FROM sync_metadata m WHERE m.entity_type = 'sprint' AND m.entity_id = '5041'""",
            // Open conflicts (MANUAL, unresolved, resolved_value None): names and goals of sprints, summaries of issues, a deletion.
            """
            INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, field_name, local_value, remote_value, resolution_strategy,
                                              resolved_value, resolved_by, resolved_at, is_resolved, resolution_notes)
            SELECT m.id, 'field_conflict', 'name', to_json('Local name ' || m.id), to_json('JIRA name ' || m.id),
                   'MANUAL'::conflictresolutionstrategy, 'null'::json, NULL::integer, NULL::timestamptz, false, NULL
            FROM sync_metadata m WHERE m.entity_type = 'sprint' AND m.entity_id::int BETWEEN 5001 AND 5010
            UNION ALL
            SELECT m.id, 'field_conflict', 'goal', 'null', '"Goal set in JIRA"', 'MANUAL', 'null', NULL, NULL, false, NULL
            FROM sync_metadata m WHERE m.entity_type = 'sprint' AND m.entity_id::int BETWEEN 5001 AND 5005
            UNION ALL
            SELECT m.id, 'field_conflict', 'summary', '"Local text"', '"JIRA text"', 'MANUAL', 'null', NULL, NULL, false, NULL
            FROM sync_metadata m WHERE m.entity_type = 'issue' AND m.id % 37 = 5
            UNION ALL
            SELECT m.id, 'deletion_conflict', NULL, '{"key": "PROJ-9"}', 'null', 'MANUAL', 'null', NULL, NULL, false, NULL
            FROM sync_metadata m WHERE m.entity_type = 'issue' AND m.entity_id = '10009'""",
            // Sync runs, some started by users; its models leave sync_details None (JSON null) when there is nothing to say.
            """
            INSERT INTO sync_history (created_at, updated_at, operation_type, entity_type, batch_id, entities_processed, entities_created,
                                      entities_updated, entities_deleted, entities_skipped, conflicts_detected, conflicts_resolved,
                                      duration_seconds, api_calls_made, status, error_message, sync_details, initiated_by)
            SELECT timestamptz '2026-11-01 06:00:00+00' + g * interval '12 hours', timestamptz '2026-11-01 06:05:00+00' + g * interval '12 hours',
                   (ARRAY['full_sync', 'incremental_sync', 'conflict_resolution', 'webhook_sync'])[1 + g % 4],
                   (ARRAY['sprint', 'issue', 'board', 'project'])[1 + g % 4], 'batch-' || (g % 7),
                   50 + g, g % 5, 10 + g % 9, g % 2, g % 3, g % 4, g % 3,
                   CASE WHEN g % 8 = 0 THEN NULL ELSE 1.25 * g + 0.1 END, 20 + g * 3,
                   (ARRAY['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'SKIPPED']::syncstatus[])[1 + g % 5],
                   CASE WHEN g % 5 = 3 THEN 'JIRA answered 503 Service Unavailable' END,
                   CASE WHEN g % 3 = 0 THEN json_build_object('boards', ARRAY[100, 101], 'trigger', 'schedule')
                        WHEN g % 3 = 1 THEN 'null'::json END,
                   (ARRAY[1, 2, 3, NULL, 6])[1 + g % 5]
            FROM generate_series(1, 60) g""",
            """
            INSERT INTO sprint_analyses (sprint_id, analysis_type, created_by, total_issues, total_story_points, discipline_teams_count,
                                         discipline_breakdown, issue_details, jql_filter, exclude_subtasks)
            SELECT g, (ARRAY['discipline_team', 'capacity', 'velocity', 'burndown'])[1 + g % 4], CASE WHEN g % 2 = 0 THEN 1 END,
                   10 + g, 0.5 * g + 0.1, g % 4, json_build_object('backend', g, 'frontend', g % 3), 'null', 'project = PROJ', g % 2 = 0
            FROM generate_series(1, 20) g""",
            """
            INSERT INTO webhook_events (event_id, event_type, payload, processed_data, processed_at, processing_status, retry_count,
                                        processing_attempts, last_processed_at, error_message, processing_duration_ms)
            SELECT 'evt-' || g, 'sprint_updated', json_build_object('sprint', 5000 + g, 'changes', ARRAY['name']),
                   CASE WHEN g % 3 = 0 THEN 'null'::json ELSE json_build_object('ok', true) END,
                   timestamptz '2026-11-29 10:00:00+00' + g * interval '1 minute', (ARRAY['processed', 'failed'])[1 + g % 2],
                   g % 3, 1 + g % 3, NULL, CASE WHEN g % 2 = 1 THEN 'timeout' END, 10 * g
            FROM generate_series(1, 30) g"""
    };
}
