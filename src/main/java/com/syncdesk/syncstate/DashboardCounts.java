package com.syncdesk.syncstate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows of the count tables behind the dashboard (migration V10), tallied by a loader that
 * writes states with the counting triggers off. The database's triggers keep the counts for every
 * other write.
 */
public final class DashboardCounts {

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
