package com.syncdesk.syncstate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The count tables behind the dashboard (migration V10). The database's triggers keep them in step
 * with every write; a loader that writes with the triggers off tallies its rows here instead.
 * {@link #drift} finds counts that no longer match the states (written with triggers off by some
 * other program, such as a replication subscriber) and {@link #recount} rebuilds them.
 */
public final class DashboardCounts {

    /** The schema version that introduced the counts. */
    public static final int SINCE_VERSION = 10;

    /** PostgreSQL's writers append delta rows; beyond this many in a table, the statistics read folds them first. */
    public static final int DELTA_ROWS_BEFORE_FOLDING = 5_000;

    /**
     * One count table: its key and figure columns, the figures it keeps (summed per key, zero sums
     * skipped: PostgreSQL holds several delta rows per key) and the same figures from a scan of the states.
     */
    private record Table(String name, String key, String figureColumns, String scan) {

        String kept(String from) {
            return "SELECT " + key + ", " + Arrays.stream(figureColumns.split(", ")).map(c -> "sum(" + c + ")").collect(Collectors.joining(", "))
                    + " FROM " + from + " GROUP BY " + key + " HAVING sum(states) <> 0";
        }

        String columns() {
            return key + ", " + figureColumns;
        }
    }

    private static final List<Table> TABLES = List.of(
            new Table("sync_state_counts", "entity_type, sync_status", "states, durations, duration_ms_sum, api_calls",
                    "SELECT entity_type, sync_status, count(*), count(sync_duration_ms), coalesce(sum(sync_duration_ms), 0), "
                            + "coalesce(sum(api_calls_count), 0) FROM sync_metadata GROUP BY entity_type, sync_status"),
            new Table("sync_duration_counts", "entity_type, sync_duration_ms", "states",
                    "SELECT entity_type, sync_duration_ms, count(*) FROM sync_metadata WHERE sync_duration_ms IS NOT NULL "
                            + "GROUP BY entity_type, sync_duration_ms"),
            new Table("sync_error_counts", "entity_type, last_error", "states",
                    "SELECT entity_type, last_error, count(*) FROM sync_metadata WHERE sync_status = 'failed' AND last_error IS NOT NULL "
                            + "GROUP BY entity_type, last_error"));

    private record StateKey(String type, String status) {
    }

    private record DurationKey(String type, int durationMs) {
    }

    private record ErrorKey(String type, String message) {
    }

    /** Per type and status: states, recorded durations, their sum, API calls. */
    private final Map<StateKey, long[]> states = new HashMap<>();
    private final Map<DurationKey, Long> durations = new HashMap<>();
    private final Map<ErrorKey, Long> errors = new HashMap<>();

    /** For how many keys (type and status, duration, or error) the kept counts differ from a scan of the states. Reads only. */
    public static int drift(Connection connection) throws SQLException {
        int differing = 0;
        for (Table table : TABLES) {
            Map<String, String> kept = byKey(connection, table.kept(table.name()));
            Map<String, String> scanned = byKey(connection, table.scan());
            Set<String> keys = new HashSet<>(kept.keySet());
            keys.addAll(scanned.keySet());
            for (String key : keys) {
                differing += Objects.equals(kept.get(key), scanned.get(key)) ? 0 : 1;
            }
        }
        return differing;
    }

    /** Rebuilds every count from the states, inside the caller's transaction. */
    public static void recount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Table table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table.name());
                statement.executeUpdate("INSERT INTO " + table.name() + " (" + table.columns() + ") " + table.scan());
            }
        }
    }

    /**
     * PostgreSQL: folds the delta rows of each table holding more than {@link #DELTA_ROWS_BEFORE_FOLDING}
     * into one row per key, inside the caller's transaction. Each fold deletes the rows it read and inserts
     * their sums in one statement, so concurrent writers and a second console folding at the same time
     * never change a sum.
     */
    public static void foldDeltas(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Table table : TABLES) {
                if (rowsUpTo(statement, table.name(), DELTA_ROWS_BEFORE_FOLDING + 1) > DELTA_ROWS_BEFORE_FOLDING) {
                    statement.executeUpdate("WITH folded AS (DELETE FROM " + table.name() + " RETURNING *) INSERT INTO " + table.name()
                            + " (" + table.columns() + ") " + table.kept("folded"));
                }
            }
        }
    }

    private static long rowsUpTo(Statement statement, String table, int limit) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT " + limit + ") t")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The first two columns are the key, the rest the figures. */
    private static Map<String, String> byKey(Connection connection, String sql) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder figures = new StringBuilder();
                for (int i = 3; i <= columns; i++) {
                    figures.append(result.getString(i)).append(' ');
                }
                rows.put(result.getString(1) + '\u001f' + result.getString(2), figures.toString());
            }
        }
        return rows;
    }

    /** Counts one state as written to {@code sync_metadata}. */
    public void add(String type, String status, Integer durationMs, int apiCalls, String lastError) {
        long[] figures = states.computeIfAbsent(new StateKey(type, status), k -> new long[4]);
        figures[0]++;
        figures[3] += apiCalls;
        if (durationMs != null) {
            figures[1]++;
            figures[2] += durationMs;
            durations.merge(new DurationKey(type, durationMs), 1L, Long::sum);
        }
        if (status.equals("failed") && lastError != null) {
            errors.merge(new ErrorKey(type, lastError), 1L, Long::sum);
        }
    }

    /** Adds the tallies to the count tables, inside the caller's transaction. */
    public void insertInto(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_state_counts "
                + "(entity_type, sync_status, states, durations, duration_ms_sum, api_calls) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<StateKey, long[]> entry : states.entrySet()) {
                insert.setString(1, entry.getKey().type());
                insert.setString(2, entry.getKey().status());
                for (int i = 0; i < 4; i++) {
                    insert.setLong(3 + i, entry.getValue()[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_duration_counts "
                + "(entity_type, sync_duration_ms, states) VALUES (?, ?, ?)")) {
            for (Map.Entry<DurationKey, Long> entry : durations.entrySet()) {
                insert.setString(1, entry.getKey().type());
                insert.setInt(2, entry.getKey().durationMs());
                insert.setLong(3, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_error_counts "
                + "(entity_type, last_error, states) VALUES (?, ?, ?)")) {
            for (Map.Entry<ErrorKey, Long> entry : errors.entrySet()) {
                insert.setString(1, entry.getKey().type());
                insert.setString(2, entry.getKey().message());
                insert.setLong(3, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
