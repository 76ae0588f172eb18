package com.syncdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.syncdesk.persistence.Database;

/** The dashboard's count tables, which triggers keep, compared with the same figures counted from the states themselves. */
public final class CountTables {

    private static final List<String> FROM_THE_STATES = List.of(
            "SELECT entity_type, sync_status, count(*) AS states, count(sync_duration_ms) AS durations, coalesce(sum(sync_duration_ms), 0) "
                    + "AS duration_ms_sum, coalesce(sum(api_calls_count), 0) AS api_calls FROM sync_metadata GROUP BY entity_type, sync_status "
                    + "ORDER BY entity_type, sync_status",
            "SELECT entity_type, sync_duration_ms, count(*) AS states FROM sync_metadata WHERE sync_duration_ms IS NOT NULL "
                    + "GROUP BY entity_type, sync_duration_ms ORDER BY entity_type, sync_duration_ms",
            "SELECT entity_type, last_error, count(*) AS states FROM sync_metadata WHERE sync_status = 'failed' AND last_error IS NOT NULL "
                    + "GROUP BY entity_type, last_error ORDER BY entity_type, last_error");

    private CountTables() {
    }

    /** Fails unless every count table holds exactly what counting the states gives; {@code when} names the moment in the message. */
    public static void assertMatchTheStates(Database database, String when) throws SQLException {
        Map<String, List<String>> dump = TableDump.of(database);
        try (Connection connection = database.connection()) {
            assertThat(dump.get("sync_state_counts")).as("state counts " + when).isEqualTo(TableDump.rows(connection, FROM_THE_STATES.get(0)));
            assertThat(dump.get("sync_duration_counts")).as("duration counts " + when).isEqualTo(TableDump.rows(connection, FROM_THE_STATES.get(1)));
            assertThat(dump.get("sync_error_counts")).as("error counts " + when).isEqualTo(TableDump.rows(connection, FROM_THE_STATES.get(2)));
        }
    }
}
