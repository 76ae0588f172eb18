package com.syncdesk.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.syncdesk.persistence.Database;

/**
 * Every row of every SyncDesk table, as text, for comparing data before and after a schema change.
 * The dashboard's count tables (V10) are dumped as their sums per key: PostgreSQL keeps delta rows.
 */
public final class TableDump {

    private static final Map<String, String> DERIVED = Map.of(
            "sync_state_counts", "SELECT entity_type, sync_status, sum(states) AS states, sum(durations) AS durations, "
                    + "sum(duration_ms_sum) AS duration_ms_sum, sum(api_calls) AS api_calls "
                    + "FROM sync_state_counts GROUP BY entity_type, sync_status HAVING sum(states) <> 0 ORDER BY entity_type, sync_status",
            "sync_duration_counts", "SELECT entity_type, sync_duration_ms, sum(states) AS states FROM sync_duration_counts "
                    + "GROUP BY entity_type, sync_duration_ms HAVING sum(states) <> 0 ORDER BY entity_type, sync_duration_ms",
            "sync_error_counts", "SELECT entity_type, last_error, sum(states) AS states FROM sync_error_counts "
                    + "GROUP BY entity_type, last_error HAVING sum(states) <> 0 ORDER BY entity_type, last_error");

    /** Tables keyed by something else than an id. */
    static final Map<String, String> KEYS = Map.of("jira_sync_scope", "kind, ref", "sync_snapshots", "sync_metadata_id");

    private TableDump() {
    }

    public static Map<String, List<String>> of(Database database) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Connection connection = database.connection()) {
            for (String table : SchemaSnapshot.tables(database)) {
                dump.put(table, rows(connection, DERIVED.getOrDefault(table, "SELECT * FROM " + table + " ORDER BY " + KEYS.getOrDefault(table, "id"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump;
    }

    /** Rows of one query, restricted to the named columns when given. */
    public static List<String> rows(Connection connection, String sql, String... onlyColumns) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i);
                    if (onlyColumns.length == 0 || List.of(onlyColumns).contains(column)) {
                        row.append(column).append('=').append(rs.getString(i)).append(' ');
                    }
                }
                rows.add(row.toString().strip());
            }
        }
        return rows;
    }
}
