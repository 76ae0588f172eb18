package com.syncdesk.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

/** Sync-state rows with known values, inserted with plain JDBC batches as a sync worker would; kept in memory for expectations. */
public final class StateRows {

    /** One inserted row, as the test knows it. */
    public record Row(long id, String type, String entityId, String jiraId, String status, Instant attempt, int errors,
                      String lastError, String direction, String batch, Integer durationMs, int apiCalls) {
    }

    public static final String[] TYPES = {"issue", "sprint", "board", "project"};
    public static final String[] STATUSES = {"pending", "in_progress", "completed", "failed", "skipped"};
    public static final String[] DIRECTIONS = {"bidirectional", "local_to_remote", "remote_to_local"};
    public static final String[] ERRORS = {"HTTP 429 Too Many Requests", "HTTP 401 Unauthorized: token expired", "Read timed out"};

    private StateRows() {
    }

    public static List<Row> insert(Database database, int count, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String status = STATUSES[random.nextInt(STATUSES.length)];
            int errors = status.equals("failed") ? 1 + random.nextInt(4) : random.nextInt(10) == 0 ? 1 : 0;
            rows.add(new Row(i, TYPES[random.nextInt(TYPES.length)], "E-" + i, random.nextInt(5) == 0 ? null : "J-" + (1000 + i), status,
                    random.nextInt(20) == 0 ? null : now.minusSeconds(random.nextInt(72 * 3600)).minusNanos(random.nextInt(1000) * 1000L),
                    errors, errors > 0 ? ERRORS[random.nextInt(ERRORS.length)] : null, DIRECTIONS[random.nextInt(DIRECTIONS.length)],
                    "batch-" + random.nextInt(7), random.nextInt(8) == 0 ? null : 10 + random.nextInt(5000), random.nextInt(12)));
        }
        insert(database, rows);
        return rows;
    }

    public static void insert(Database database, List<Row> rows) {
        Vendor vendor = database.vendor();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_metadata (id, entity_type, entity_id, jira_id, "
                    + "sync_status, last_sync_attempt, error_count, last_error, sync_direction, sync_batch_id, sync_duration_ms, "
                    + "api_calls_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Row row : rows) {
                    insert.setLong(1, row.id());
                    insert.setString(2, row.type());
                    insert.setString(3, row.entityId());
                    insert.setString(4, row.jiraId());
                    insert.setString(5, row.status());
                    SqlValues.bindInstant(insert, 6, row.attempt(), vendor);
                    insert.setInt(7, row.errors());
                    insert.setString(8, row.lastError());
                    insert.setString(9, row.direction());
                    insert.setString(10, row.batch());
                    if (row.durationMs() == null) {
                        insert.setNull(11, Types.INTEGER);
                    } else {
                        insert.setInt(11, row.durationMs());
                    }
                    insert.setInt(12, row.apiCalls());
                    insert.addBatch();
                    if (++n % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            if (vendor == Vendor.POSTGRESQL) {
                try (var statement = connection.createStatement()) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('sync_metadata', 'id'), (SELECT max(id) FROM sync_metadata))");
                }
            }
            return null;
        });
    }

    public static long scalar(Database database, String sql) {
        return database.read(connection -> {
            try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Runs the statements in one transaction on one connection, so a connection setting among them holds for the rest. */
    public static void execute(Database database, String... statements) {
        database.inTransaction((Connection connection) -> {
            try (var statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }
}
