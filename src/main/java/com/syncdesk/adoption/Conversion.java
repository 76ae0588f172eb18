package com.syncdesk.adoption;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that turns the rows of a sprint-reports database into SyncDesk's, and the value mappings it
 * applies. The original's four shared tables are moved into the schema {@value #ASIDE} first; SyncDesk's
 * scripts then create their own tables of those names, and these statements fill them from the moved ones.
 */
final class Conversion {

    /** Where the original's sprints, sync_metadata, conflict_resolutions and sync_history wait while their rows are converted. */
    static final String ASIDE = "sprint_reports_008";

    /** sprint-reports' native enum syncstatus holds the Python enum's names; SyncDesk stores the lowercase wire values. */
    static final List<ValueMapping> SYNC_STATUS = List.of(new ValueMapping("PENDING", "pending"), new ValueMapping("IN_PROGRESS", "in_progress"),
            new ValueMapping("COMPLETED", "completed"), new ValueMapping("FAILED", "failed"), new ValueMapping("SKIPPED", "skipped"));

    /**
     * sprint-reports' conflictresolutionstrategy. MERGE combined both sides field by field, which is what SyncDesk
     * calls manual (a choice per field); the notes of such a row say it was a merge, so nothing is forgotten.
     */
    static final List<ValueMapping> RESOLUTION_STRATEGY = List.of(new ValueMapping("LOCAL_WINS", "local_wins"),
            new ValueMapping("REMOTE_WINS", "jira_wins"), new ValueMapping("MANUAL", "manual"), new ValueMapping("MERGE", "manual"));

    static final String MERGE_NOTE = "Resolved by MERGE in sprint-reports; SyncDesk has no merge strategy and records it as manual.";

    /** What marks an entity id that names no local row: SyncDesk reads entity_id as a local row id, sprint-reports wrote JIRA's ids. */
    static final String UNMATCHED_PREFIX = "jira:";

    private Conversion() {
    }

    /**
     * {@code CASE column::text WHEN 'PENDING' THEN 'pending' ... END}, one line per label, laid out for a select list
     * indented by seven spaces: every label of the enum has its value.
     */
    static String mapped(String column, List<ValueMapping> mappings) {
        return "CASE " + column + "::text\n" + mappings.stream()
                .map(m -> "           WHEN '" + m.original() + "' THEN '" + m.syncDesk() + "'\n").collect(Collectors.joining()) + "       END";
    }

    static AdoptionStep setAside() {
        return AdoptionStep.of("Set the original's sprints, sync_metadata, conflict_resolutions and sync_history aside in " + ASIDE,
                "-- sprint_analyses (the original's own) references sprints; it points at SyncDesk's sprints table, same ids, once that is filled.\n"
                        + "ALTER TABLE sprint_analyses DROP CONSTRAINT sprint_analyses_sprint_id_fkey",
                "CREATE SCHEMA " + ASIDE,
                "ALTER TABLE sprints SET SCHEMA " + ASIDE,
                "ALTER TABLE sync_metadata SET SCHEMA " + ASIDE,
                "ALTER TABLE conflict_resolutions SET SCHEMA " + ASIDE,
                "ALTER TABLE sync_history SET SCHEMA " + ASIDE);
    }

    /** Fills SyncDesk's tables (versions 1 to 9 created them) from the set-aside ones; ids are kept. */
    static List<AdoptionStep> convertRows(String operator) {
        return List.of(
                AdoptionStep.of("Projects and boards named by the sprints", """
                        -- One project per jira_project_key the sprints name; sprint-reports keeps no more about projects.
                        INSERT INTO projects (project_key, name, created_at)
                        SELECT jira_project_key, jira_project_key, min(created_at)
                        FROM %1$s.sprints
                        WHERE jira_project_key IS NOT NULL AND trim(jira_project_key) <> ''
                        GROUP BY jira_project_key
                        ORDER BY jira_project_key""".formatted(ASIDE), """
                        -- One board per board_id (JIRA's board id) the sprints name, named as its latest sprint names it.
                        -- JIRA sprints live on Scrum boards only.
                        INSERT INTO boards (jira_board_id, name, board_type, project_key, created_at)
                        SELECT b.board_id,
                               coalesce((SELECT s.jira_board_name FROM %1$s.sprints s
                                         WHERE s.board_id = b.board_id AND s.jira_board_name <> ''
                                         ORDER BY s.updated_at DESC, s.id DESC LIMIT 1), 'Board ' || b.board_id),
                               'scrum',
                               (SELECT s.jira_project_key FROM %1$s.sprints s
                                WHERE s.board_id = b.board_id AND trim(s.jira_project_key) <> ''
                                ORDER BY s.updated_at DESC, s.id DESC LIMIT 1),
                               b.created_at
                        FROM (SELECT board_id, min(created_at) AS created_at FROM %1$s.sprints
                              WHERE board_id IS NOT NULL GROUP BY board_id) b
                        ORDER BY b.board_id""".formatted(ASIDE)),
                AdoptionStep.of("Sprints", """
                        -- The JSON null sprint-reports writes for Python's None means "no conflicts": SQL NULL in SyncDesk.
                        INSERT INTO sprints (id, jira_sprint_id, name, state, start_date, end_date, complete_date, goal, board_id,
                                             origin_board_id, created_at, updated_at, jira_last_updated, sync_status, sync_conflicts,
                                             jira_board_name, jira_project_key, jira_version)
                        SELECT id, jira_sprint_id, name, state, start_date, end_date, complete_date, goal, board_id,
                               origin_board_id, created_at, updated_at, jira_last_updated, sync_status, NULLIF(sync_conflicts::jsonb, 'null'),
                               jira_board_name, jira_project_key, jira_version
                        FROM %1$s.sprints
                        ORDER BY id""".formatted(ASIDE)),
                AdoptionStep.of("Operators: the users who resolved conflicts or started sync runs", """
                        -- Same id as the user, so resolved_by and initiated_by keep their values and now name an operator.
                        INSERT INTO operators (id, username, display_name, created_at)
                        SELECT u.id, u.username, left(coalesce(u.full_name, u.jira_display_name), 200), u.created_at
                        FROM users u
                        WHERE u.id IN (SELECT resolved_by FROM %1$s.conflict_resolutions
                                       UNION SELECT initiated_by FROM %1$s.sync_history)
                        ORDER BY u.id""".formatted(ASIDE)),
                AdoptionStep.of("Sync states", """
                        -- entity_id: sprint-reports wrote JIRA's id (for sprints the JIRA sprint id); SyncDesk's names the local row.
                        -- An id no local row carries keeps JIRA's id behind '%2$s', so it can never be taken for a local row.
                        INSERT INTO sync_metadata (id, entity_type, entity_id, jira_id, sync_status, last_sync_attempt, last_successful_sync,
                                                   error_count, last_error, sync_direction, sync_batch_id, content_hash, local_modified,
                                                   remote_modified, created_at, updated_at, resolution_strategy, sync_duration_ms,
                                                   api_calls_count, conflicts)
                        SELECT m.id, m.entity_type,
                               CASE WHEN s.id IS NOT NULL THEN s.id::text
                                    WHEN b.id IS NOT NULL THEN b.id::text
                                    WHEN p.id IS NOT NULL THEN p.id::text
                                    ELSE '%2$s' || m.entity_id END,
                               m.jira_id,
                               %3$s,
                               m.last_sync_attempt, m.last_successful_sync, m.error_count, m.last_error, m.sync_direction,
                               m.sync_batch_id, m.content_hash, m.local_modified, m.remote_modified, m.created_at, m.updated_at,
                               m.resolution_strategy, m.sync_duration_ms, coalesce(m.api_calls_count, 0),
                               %4$s
                        FROM %1$s.sync_metadata m
                        LEFT JOIN sprints s ON m.entity_type = 'sprint' AND s.jira_sprint_id::text = m.entity_id
                        LEFT JOIN boards b ON m.entity_type = 'board' AND b.jira_board_id::text = m.entity_id
                        LEFT JOIN projects p ON m.entity_type = 'project' AND p.project_key = m.entity_id
                        ORDER BY m.id""".formatted(ASIDE, UNMATCHED_PREFIX, mapped("m.sync_status", SYNC_STATUS), conflictsAsArray("m.conflicts"))),
                AdoptionStep.of("Conflicts: open ones stay open, resolved ones are kept as history", """
                        -- A JSON null in local_value or remote_value is a value (that side was empty) and stays; in resolved_value
                        -- it is Python's None, "not resolved to anything": SQL NULL.
                        INSERT INTO conflict_resolutions (id, sync_metadata_id, conflict_type, field_name, local_value, remote_value,
                                                          resolution_strategy, resolved_value, resolved_by, resolved_at, is_resolved,
                                                          resolution_notes, created_at, updated_at)
                        SELECT id, sync_metadata_id, conflict_type, field_name, local_value::jsonb, remote_value::jsonb,
                               %2$s,
                               NULLIF(resolved_value::jsonb, 'null'), resolved_by, resolved_at, is_resolved,
                               CASE WHEN resolution_strategy::text = 'MERGE'
                                    THEN concat_ws(E'\\n', resolution_notes, '%3$s')
                                    ELSE resolution_notes END,
                               created_at, updated_at
                        FROM %1$s.conflict_resolutions
                        ORDER BY id""".formatted(ASIDE, mapped("resolution_strategy", RESOLUTION_STRATEGY), MERGE_NOTE)),
                AdoptionStep.of("Sync runs", """
                        INSERT INTO sync_history (id, operation_type, entity_type, batch_id, entities_processed, entities_created,
                                                  entities_updated, entities_deleted, entities_skipped, conflicts_detected,
                                                  conflicts_resolved, api_calls_made, duration_seconds, status, error_message,
                                                  sync_details, initiated_by, created_at, updated_at)
                        SELECT id, operation_type, entity_type, batch_id, entities_processed, entities_created,
                               entities_updated, entities_deleted, entities_skipped, conflicts_detected,
                               conflicts_resolved, api_calls_made, duration_seconds,
                               %2$s,
                               error_message, NULLIF(sync_details::jsonb, 'null'), initiated_by, created_at, updated_at
                        FROM %1$s.sync_history
                        ORDER BY id""".formatted(ASIDE, mapped("status", SYNC_STATUS))),
                AdoptionStep.of("Id sequences past the kept ids",
                        List.of("sprints", "operators", "sync_metadata", "conflict_resolutions", "sync_history").stream()
                                .map(table -> "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + table)
                                .toList()),
                AdoptionStep.of("The adoption in the audit log", """
                        INSERT INTO audit_log (operator, action, details)
                        SELECT %1$s, 'adopt', jsonb_build_object(
                                   'from', 'sprint-reports', 'alembic_revision', '%2$s', 'version', %3$d,
                                   'sprints', (SELECT count(*) FROM sprints), 'sync_states', (SELECT count(*) FROM sync_metadata),
                                   'conflicts', (SELECT count(*) FROM conflict_resolutions), 'sync_runs', (SELECT count(*) FROM sync_history),
                                   'operators', (SELECT count(*) FROM operators))""".formatted(literal(operator), OriginSchema.REVISION,
                        AdoptionPlan.ADOPTED_VERSION)));
    }

    /** sprint-reports stores one conflict as an object; SyncDesk keeps a list of them. Other JSON stays as stored. */
    static String conflictsAsArray(String column) {
        return "CASE WHEN json_typeof(" + column + ") = 'null' THEN NULL\n"
                + "            WHEN json_typeof(" + column + ") = 'object' AND " + column + " ->> 'field' IS NOT NULL"
                + " THEN jsonb_build_array(" + column + "::jsonb)\n"
                + "            ELSE " + column + "::jsonb END";
    }

    static AdoptionStep dropTheOriginalsOldTables() {
        return AdoptionStep.of("Drop the original's set-aside tables and enum types (the backup holds them)",
                "ALTER TABLE sprint_analyses ADD CONSTRAINT sprint_analyses_sprint_id_fkey FOREIGN KEY (sprint_id) REFERENCES sprints (id)",
                "DROP TABLE " + ASIDE + ".conflict_resolutions, " + ASIDE + ".sync_history, " + ASIDE + ".sync_metadata, " + ASIDE + ".sprints",
                "DROP SCHEMA " + ASIDE,
                "DROP TYPE " + String.join(", ", OriginSchema.ENUM_TYPES));
    }

    /**
     * Flyway's schema history table, as Flyway creates it, with one baseline row: Flyway then treats every version up to
     * the adopted one as in place and applies later ones normally.
     */
    static AdoptionStep history(String operator, String historyTable) {
        return AdoptionStep.of("The schema history: adopted at version " + AdoptionPlan.ADOPTED_VERSION, """
                CREATE TABLE %1$s (
                    installed_rank  INTEGER       NOT NULL,
                    version         VARCHAR(50),
                    description     VARCHAR(200)  NOT NULL,
                    type            VARCHAR(20)   NOT NULL,
                    script          VARCHAR(1000) NOT NULL,
                    checksum        INTEGER,
                    installed_by    VARCHAR(100)  NOT NULL,
                    installed_on    TIMESTAMP     NOT NULL DEFAULT now(),
                    execution_time  INTEGER       NOT NULL,
                    success         BOOLEAN       NOT NULL
                )""".formatted(historyTable),
                "ALTER TABLE " + historyTable + " ADD CONSTRAINT " + historyTable + "_pk PRIMARY KEY (installed_rank)",
                "CREATE INDEX " + historyTable + "_s_idx ON " + historyTable + " (success)", """
                -- execution_time: how long the adoption has run so far, in milliseconds.
                INSERT INTO %1$s (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                VALUES (1, '%2$d', '%3$s', 'BASELINE', '%3$s', NULL, %4$s,
                        (extract(epoch FROM clock_timestamp() - now()) * 1000)::integer, true)""".formatted(historyTable,
                        AdoptionPlan.ADOPTED_VERSION, AdoptionPlan.HISTORY_DESCRIPTION, literal(operator)));
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
