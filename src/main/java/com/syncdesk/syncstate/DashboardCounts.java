package com.syncdesk.syncstate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The count tables behind the dashboard (migration V10), derived from {@code sync_metadata}. The
 * database's triggers keep them in step with every write; {@link #recount} rebuilds them from the
 * states after a load that ran with the triggers off.
 */
public final class DashboardCounts {

    /** The tables, each rebuilt by the statement next to it. */
    private static final List<String> RECOUNT = List.of(
            "DELETE FROM sync_state_counts",
            "INSERT INTO sync_state_counts (entity_type, sync_status, states, durations, duration_ms_sum, api_calls) "
                    + "SELECT entity_type, sync_status, count(*), count(sync_duration_ms), coalesce(sum(sync_duration_ms), 0), "
                    + "coalesce(sum(api_calls_count), 0) FROM sync_metadata GROUP BY entity_type, sync_status",
            "DELETE FROM sync_duration_counts",
            "INSERT INTO sync_duration_counts (entity_type, sync_duration_ms, states) SELECT entity_type, sync_duration_ms, count(*) "
                    + "FROM sync_metadata WHERE sync_duration_ms IS NOT NULL GROUP BY entity_type, sync_duration_ms",
            "DELETE FROM sync_error_counts",
            "INSERT INTO sync_error_counts (entity_type, last_error, states) SELECT entity_type, last_error, count(*) "
                    + "FROM sync_metadata WHERE sync_status = 'failed' AND last_error IS NOT NULL GROUP BY entity_type, last_error");

    private DashboardCounts() {
    }

    /** Recomputes every count from {@code sync_metadata}, inside the caller's transaction. */
    public static void recount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : RECOUNT) {
                statement.executeUpdate(sql);
            }
        }
    }
}
