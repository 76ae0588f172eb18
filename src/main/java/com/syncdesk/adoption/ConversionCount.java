package com.syncdesk.adoption;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.syncdesk.adoption.ConversionReport.ColumnConversion;
import com.syncdesk.adoption.ConversionReport.MappedCount;
import com.syncdesk.adoption.ConversionReport.TableConversion;
import com.syncdesk.adoption.ConversionReport.TableRows;

/**
 * Counts, in a sprint-reports database at revision 008 and before anything changes, what {@link Conversion}
 * will do to each table and column. Every count is one SQL aggregate; rows are never loaded.
 */
final class ConversionCount {

    private static final String NULL = "NULL";
    private static final String JSON_NULL = "JSON null";
    private static final String JSON_VALUE = "a JSON value";
    private static final String SAME_AS_JSONB = "the same value as jsonb";
    private static final String NEW_COLUMN = "(new column)";
    private static final String AUTO_RESOLVED_NOTES = "Auto-resolved: Remote wins policy";
    private static final int BLOCKERS_NAMED = 10;

    /** A state whose JIRA id names a row SyncDesk will have: a sprint by jira_sprint_id, a board or project the sprints name. */
    private static final String MATCHED = "(m.entity_type = 'sprint' AND EXISTS (SELECT 1 FROM sprints s WHERE s.jira_sprint_id::text = m.entity_id))"
            + " OR (m.entity_type = 'board' AND EXISTS (SELECT 1 FROM sprints s WHERE s.board_id::text = m.entity_id))"
            + " OR (m.entity_type = 'project' AND EXISTS (SELECT 1 FROM sprints s WHERE s.jira_project_key = m.entity_id"
            + " AND trim(s.jira_project_key) <> ''))";

    private final Statement statement;

    private ConversionCount(Statement statement) {
        this.statement = statement;
    }

    static ConversionReport of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return new ConversionCount(statement).report();
        }
    }

    private ConversionReport report() throws SQLException {
        List<TableConversion> tables = new ArrayList<>();
        long sprints = count("SELECT count(*) FROM sprints");
        tables.add(new TableConversion("projects", "one per jira_project_key the sprints name (key and name)",
                count("SELECT count(DISTINCT jira_project_key) FROM sprints WHERE trim(jira_project_key) <> ''"), List.of()));
        tables.add(new TableConversion("boards", "one per board_id the sprints name, board type scrum", count("SELECT count(DISTINCT board_id) FROM sprints"),
                List.of(column("name", "from the sprints", List.of(
                                new ValueMapping("a sprint names the board", "jira_board_name of its latest sprint naming it"),
                                new ValueMapping("no sprint names the board", "'Board ' and its JIRA id")),
                        "SELECT CASE WHEN EXISTS (SELECT 1 FROM sprints s WHERE s.board_id = b.board_id AND s.jira_board_name <> '') "
                                + "THEN 'a sprint names the board' ELSE 'no sprint names the board' END, count(*) "
                                + "FROM (SELECT DISTINCT board_id FROM sprints WHERE board_id IS NOT NULL) b GROUP BY 1"))));
        tables.add(new TableConversion("sprints", "sprints of sprint-reports, ids kept (integer to bigint)", sprints, List.of(
                column("sync_conflicts", "json to jsonb; Python's None (JSON null) means no conflicts", List.of(
                                new ValueMapping("an object keyed by field", "the same object as jsonb"), new ValueMapping(JSON_NULL, NULL),
                                new ValueMapping("other JSON", SAME_AS_JSONB), new ValueMapping(NULL, NULL)),
                        "SELECT " + jsonKind("sync_conflicts", "'an object keyed by field'", "'other JSON'") + ", count(*) FROM sprints GROUP BY 1"))));
        tables.add(new TableConversion("operators", "the users who resolved conflicts or started sync runs: same id and username, "
                + "display name from full_name or jira_display_name", count("SELECT count(*) FROM users WHERE id IN "
                + "(SELECT resolved_by FROM conflict_resolutions UNION SELECT initiated_by FROM sync_history)"), List.of(
                column("display_name", "at most 200 characters (users keeps the whole name)", List.of(
                                new ValueMapping("full_name", "display_name"), new ValueMapping("jira_display_name (no full_name)", "display_name"),
                                new ValueMapping("a name over 200 characters", "its first 200 characters"), new ValueMapping("neither", NULL)),
                        "SELECT CASE WHEN length(coalesce(full_name, jira_display_name)) > 200 THEN 'a name over 200 characters' "
                                + "WHEN full_name IS NOT NULL THEN 'full_name' WHEN jira_display_name IS NOT NULL THEN 'jira_display_name (no full_name)' "
                                + "ELSE 'neither' END, count(*) FROM users WHERE id IN "
                                + "(SELECT resolved_by FROM conflict_resolutions UNION SELECT initiated_by FROM sync_history) GROUP BY 1"))));
        tables.add(syncStates());
        tables.add(conflicts());
        tables.add(new TableConversion("sync_history", "sync runs of sprint-reports, ids kept", count("SELECT count(*) FROM sync_history"), List.of(
                enumColumn("status", "sync_history", "syncstatus", Conversion.SYNC_STATUS),
                column("sync_details", "json to jsonb; Python's None (JSON null) means no details", List.of(
                                new ValueMapping(JSON_VALUE, SAME_AS_JSONB), new ValueMapping(JSON_NULL, NULL), new ValueMapping(NULL, NULL)),
                        "SELECT " + jsonKind("sync_details", "'" + JSON_VALUE + "'", "'" + JSON_VALUE + "'") + ", count(*) FROM sync_history GROUP BY 1"),
                userColumn("initiated_by", "sync_history"))));
        tables.add(new TableConversion("issues", "none: sprint-reports keeps no issues", 0, List.of()));
        tables.add(new TableConversion("audit_log", "one entry: who adopted the database, when, from which revision", 1, List.of()));
        tables.add(new TableConversion("sync_state_counts, sync_duration_counts, sync_error_counts",
                "counted from the converted sync states by version 10's script (rows: one per entity type and status)",
                count("SELECT count(*) FROM (SELECT DISTINCT entity_type, sync_status FROM sync_metadata) k"), List.of()));

        List<TableRows> kept = new ArrayList<>();
        for (String table : OriginSchema.ownTables()) {
            kept.add(new TableRows(table, count("SELECT count(*) FROM " + table)));
        }
        return new ConversionReport(List.copyOf(tables), List.copyOf(kept), blockers());
    }

    private TableConversion syncStates() throws SQLException {
        List<ValueMapping> entityIds = new ArrayList<>();
        for (String[] type : new String[][] {{"sprint", "JIRA sprint id", "sprints"}, {"board", "JIRA board id", "boards"},
                {"project", "JIRA project key", "projects"}}) {
            entityIds.add(new ValueMapping(type[0] + ": " + type[1] + " of a local row", "the id of that " + type[2] + " row"));
            entityIds.add(new ValueMapping(type[0] + ": " + type[1] + " without a local row", "'" + Conversion.UNMATCHED_PREFIX + "' and the id"));
        }
        // sprint-reports keeps no issue rows, so no issue state can name one.
        entityIds.add(new ValueMapping("issue: JIRA id without a local row", "'" + Conversion.UNMATCHED_PREFIX + "' and the id"));
        String kindOfId = "m.entity_type || ': ' || CASE m.entity_type WHEN 'sprint' THEN 'JIRA sprint id' WHEN 'board' THEN 'JIRA board id' "
                + "WHEN 'project' THEN 'JIRA project key' ELSE 'JIRA id' END "
                + "|| CASE WHEN " + MATCHED + " THEN ' of a local row' ELSE ' without a local row' END";
        long rows = count("SELECT count(*) FROM sync_metadata");
        return new TableConversion("sync_metadata", "sync states of sprint-reports, ids kept", rows, List.of(
                enumColumn("sync_status", "sync_metadata", "syncstatus", Conversion.SYNC_STATUS),
                column("entity_id", "JIRA's id (what sprint-reports wrote) to the local row's id (what SyncDesk reads)", entityIds,
                        "SELECT " + kindOfId + ", count(*) FROM sync_metadata m GROUP BY 1"),
                column("api_calls_count", "NULL (the column was nullable) to 0", List.of(
                                new ValueMapping(NULL, "0"), new ValueMapping("a count", "kept")),
                        "SELECT CASE WHEN api_calls_count IS NULL THEN 'NULL' ELSE 'a count' END, count(*) FROM sync_metadata GROUP BY 1"),
                column("conflicts", "json to jsonb in SyncDesk's form, a list of conflicts", List.of(
                                new ValueMapping("a conflict object {field, local, remote}", "a list holding that object"),
                                new ValueMapping("other JSON", "kept as stored (shown as it is)"), new ValueMapping(JSON_NULL, NULL),
                                new ValueMapping(NULL, NULL)),
                        "SELECT " + jsonKind("conflicts", "CASE WHEN json_typeof(conflicts) = 'object' AND conflicts ->> 'field' IS NOT NULL "
                                + "THEN 'a conflict object {field, local, remote}' ELSE 'other JSON' END", "'other JSON'")
                                + ", count(*) FROM sync_metadata GROUP BY 1"),
                newColumn("row_version", "0", rows)));
    }

    private TableConversion conflicts() throws SQLException {
        long rows = count("SELECT count(*) FROM conflict_resolutions");
        List<ValueMapping> strategies = Conversion.RESOLUTION_STRATEGY.stream()
                .map(m -> m.original().equals("MERGE") ? new ValueMapping(m.original(), m.syncDesk() + " (its notes say it was a merge)") : m)
                .toList();
        List<ValueMapping> sides = List.of(new ValueMapping(JSON_VALUE, SAME_AS_JSONB), new ValueMapping(JSON_NULL, "JSON null (that side was empty)"),
                new ValueMapping(NULL, NULL));
        return new TableConversion("conflict_resolutions", "conflicts of sprint-reports, ids kept", rows, List.of(
                enumColumn("resolution_strategy", "conflict_resolutions", "conflictresolutionstrategy", strategies),
                column("is_resolved", "open conflicts stay open; resolved ones are kept as history", List.of(
                                new ValueMapping("open", "an open conflict in SyncDesk"),
                                new ValueMapping("resolved: " + AUTO_RESOLVED_NOTES, "resolved (jira_wins), kept as history"),
                                new ValueMapping("resolved otherwise", "resolved, kept as history")),
                        "SELECT CASE WHEN NOT is_resolved THEN 'open' WHEN resolution_notes = '" + AUTO_RESOLVED_NOTES + "' THEN 'resolved: "
                                + AUTO_RESOLVED_NOTES + "' ELSE 'resolved otherwise' END, count(*) FROM conflict_resolutions GROUP BY 1"),
                column("local_value", "json to jsonb", sides, "SELECT " + jsonKind("local_value", "'" + JSON_VALUE + "'", "'" + JSON_VALUE + "'")
                        + ", count(*) FROM conflict_resolutions GROUP BY 1"),
                column("remote_value", "json to jsonb", sides, "SELECT " + jsonKind("remote_value", "'" + JSON_VALUE + "'", "'" + JSON_VALUE + "'")
                        + ", count(*) FROM conflict_resolutions GROUP BY 1"),
                column("resolved_value", "json to jsonb; Python's None (JSON null) means not resolved to a value", List.of(
                                new ValueMapping(JSON_VALUE, SAME_AS_JSONB), new ValueMapping(JSON_NULL, NULL), new ValueMapping(NULL, NULL)),
                        "SELECT " + jsonKind("resolved_value", "'" + JSON_VALUE + "'", "'" + JSON_VALUE + "'") + ", count(*) FROM conflict_resolutions GROUP BY 1"),
                userColumn("resolved_by", "conflict_resolutions"),
                newColumn("row_version", "0", rows),
                newColumn("base_value", NULL, rows)));
    }

    private ColumnConversion enumColumn(String column, String table, String enumType, List<ValueMapping> mappings) throws SQLException {
        return column(column, "native enum " + enumType + " to SyncDesk's lowercase text", mappings,
                "SELECT " + column + "::text, count(*) FROM " + table + " GROUP BY 1");
    }

    private ColumnConversion userColumn(String column, String table) throws SQLException {
        return column(column, "users.id to operators.id (the same number)", List.of(
                        new ValueMapping("a user", "that user's operator"), new ValueMapping(NULL, NULL)),
                "SELECT CASE WHEN " + column + " IS NULL THEN 'NULL' ELSE 'a user' END, count(*) FROM " + table + " GROUP BY 1");
    }

    private static ColumnConversion newColumn(String column, String value, long rows) {
        return new ColumnConversion(column, "new in SyncDesk", List.of(new MappedCount(new ValueMapping(NEW_COLUMN, value), rows)));
    }

    /** The kind of a json column's value: NULL, JSON null, or what {@code object} / {@code other} say for the rest. */
    private static String jsonKind(String column, String object, String other) {
        return "CASE WHEN " + column + " IS NULL THEN 'NULL' WHEN json_typeof(" + column + ") = 'null' THEN 'JSON null' "
                + "WHEN json_typeof(" + column + ") = 'object' THEN " + object + " ELSE " + other + " END";
    }

    /** One column's mappings with their counts; {@code countSql} yields (original kind, count). Mappings nothing applies to count 0. */
    private ColumnConversion column(String column, String change, List<ValueMapping> mappings, String countSql) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery(countSql)) {
            while (rows.next()) {
                counts.merge(rows.getString(1), rows.getLong(2), Long::sum);
            }
        }
        List<MappedCount> values = new ArrayList<>();
        for (ValueMapping mapping : mappings) {
            values.add(new MappedCount(mapping, counts.getOrDefault(mapping.original(), 0L)));
        }
        return new ColumnConversion(column, change, List.copyOf(values));
    }

    private long count(String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Rows SyncDesk's schema refuses: the conversion would fail on them half-way and roll back, so adopt does not start. */
    private List<String> blockers() throws SQLException {
        List<String> blockers = new ArrayList<>();
        blocker(blockers, "SELECT id FROM sync_history WHERE conflicts_resolved < 0 OR duration_seconds < 0 ORDER BY id",
                "sync_history rows with a negative conflicts_resolved or duration_seconds, which SyncDesk's schema refuses");
        blocker(blockers, "SELECT m.id FROM sync_metadata m WHERE NOT (" + MATCHED + ") AND length(m.entity_id) > "
                        + (100 - Conversion.UNMATCHED_PREFIX.length()) + " ORDER BY m.id",
                "sync_metadata rows whose entity_id names no local row and is too long to keep behind '" + Conversion.UNMATCHED_PREFIX + "'");
        for (String[] column : new String[][] {{"sprints", "sync_conflicts"}, {"sync_metadata", "conflicts"}, {"conflict_resolutions", "local_value"},
                {"conflict_resolutions", "remote_value"}, {"conflict_resolutions", "resolved_value"}, {"sync_history", "sync_details"}}) {
            blocker(blockers, "SELECT id FROM " + column[0] + " WHERE strpos(" + column[1] + "::text, '\\u0000') > 0 ORDER BY id",
                    column[0] + " rows whose " + column[1] + " holds the character \\u0000, which jsonb cannot store");
        }
        return List.copyOf(blockers);
    }

    private void blocker(List<String> blockers, String idsSql, String what) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(idsSql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        if (!ids.isEmpty()) {
            blockers.add(ids.size() + " " + what + ": ids " + String.join(", ", ids.subList(0, Math.min(BLOCKERS_NAMED, ids.size()))
                    .stream().map(String::valueOf).toList()) + (ids.size() > BLOCKERS_NAMED ? ", …" : ""));
        }
    }
}
