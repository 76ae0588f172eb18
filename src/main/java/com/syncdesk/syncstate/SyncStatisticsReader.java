package com.syncdesk.syncstate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

/**
 * Reads the dashboard's figures from the counts that V10's triggers keep in step with
 * {@code sync_metadata} (per type and status, per duration, per error of failed states), so the
 * figures cost a few hundred rows at any table size. Only the time window and the open conflicts
 * are counted from their indexes.
 */
final class SyncStatisticsReader {

    private static final Logger LOG = LoggerFactory.getLogger(SyncStatisticsReader.class);
    private static final String NO_MESSAGE = "no message";

    private final Database database;

    SyncStatisticsReader(Database database) {
        this.database = database;
    }

    SyncStatistics read(EntityType type, int windowHours) {
        Vendor vendor = database.vendor();
        if (vendor == Vendor.POSTGRESQL) {
            foldDeltasIfMany();
        }
        return database.read(connection -> {
            Map<String, Map<String, Long>> byTypeAndStatus = new LinkedHashMap<>();
            Map<String, Long> byStatus = new LinkedHashMap<>();
            Map<String, Long> byType = new LinkedHashMap<>();
            long total = 0;
            long durations = 0;
            double durationSum = 0;
            long apiCalls = 0;
            SqlBuilder counts = ofType(new SqlBuilder(vendor).sql("SELECT entity_type, sync_status, sum(states), sum(durations), "
                    + SqlValues.safeSum(vendor, "duration_ms_sum") + ", " + SqlValues.safeSum(vendor, "api_calls")
                    + " FROM sync_state_counts WHERE 1 = 1"), type)
                    .sql(" GROUP BY entity_type, sync_status HAVING sum(states) <> 0 ORDER BY entity_type, sync_status");
            try (PreparedStatement statement = counts.prepare(connection); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long count = rows.getLong(3);
                    byTypeAndStatus.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>()).put(rows.getString(2), count);
                    byStatus.merge(rows.getString(2), count, Long::sum);
                    byType.merge(rows.getString(1), count, Long::sum);
                    total += count;
                    durations += rows.getLong(4);
                    durationSum += rows.getDouble(5);
                    apiCalls = saturatedAdd(apiCalls, SqlValues.readSaturated(rows, 6));
                }
            }
            long completed = byStatus.getOrDefault("completed", 0L);
            long failed = byStatus.getOrDefault("failed", 0L);
            Double successRate = completed + failed == 0 ? null : (double) completed / (completed + failed);
            Double average = durations == 0 ? null : durationSum / durations;

            long[] conflicts = openConflicts(connection, type);
            List<SyncStatistics.ErrorCount> topErrors = errorCounts(connection, ofType(new SqlBuilder(vendor).sql(
                    "SELECT last_error, sum(states) AS n FROM sync_error_counts WHERE 1 = 1"), type)
                    .sql(" GROUP BY last_error HAVING sum(states) <> 0 ORDER BY n DESC, last_error LIMIT 10"));
            List<SyncStatistics.ErrorCount> byKind = errorsByKind(connection, type, failed);
            return new SyncStatistics(total, byStatus, byType, byTypeAndStatus, successRate, average,
                    percentile95(connection, type, durations), apiCalls, conflicts[0], conflicts[1], windowHours,
                    failuresInWindow(connection, type, windowHours), topErrors, byKind);
        });
    }

    /** Nearest rank over the duration counts: the smallest duration whose running count reaches 95 % of all. */
    private Integer percentile95(Connection connection, EntityType type, long durations) throws SQLException {
        if (durations == 0) {
            return null;
        }
        SqlBuilder query = ofType(new SqlBuilder(database.vendor()).sql("SELECT sync_duration_ms FROM (SELECT sync_duration_ms, "
                + "sum(n) OVER (ORDER BY sync_duration_ms) AS running FROM (SELECT sync_duration_ms, sum(states) AS n "
                + "FROM sync_duration_counts WHERE 1 = 1"), type)
                .sql(" GROUP BY sync_duration_ms HAVING sum(states) <> 0) d) r WHERE running >= ? ORDER BY sync_duration_ms LIMIT 1",
                        (long) Math.ceil(0.95 * durations));
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getInt(1) : null;
        }
    }

    private long[] openConflicts(Connection connection, EntityType type) throws SQLException {
        SqlBuilder query = new SqlBuilder(database.vendor()).sql("SELECT count(*), count(DISTINCT c.sync_metadata_id) FROM conflict_resolutions c");
        if (type != null) {
            query.sql(" JOIN sync_metadata s ON s.id = c.sync_metadata_id AND s.entity_type = ?", type);
        }
        query.sql(" WHERE c.is_resolved = ?", false);
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    /** Failed states attempted within the window: one range of the (status, last attempt, type) index. */
    private long failuresInWindow(Connection connection, EntityType type, int windowHours) throws SQLException {
        SqlBuilder query = new SqlBuilder(database.vendor()).sql("SELECT count(*) FROM sync_metadata s WHERE s.sync_status = 'failed' "
                + "AND s.last_sync_attempt >= ?", Instant.now().minus(Duration.ofHours(windowHours)));
        if (type != null) {
            query.sql(" AND s.entity_type = ?", type);
        }
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Failed states by kind: the kind the sync engine stored, counted exactly (a partial index holds the
     * failed states by kind); the others guessed from their message through the error counts, less the
     * messages of the states whose kind is known; failed states without a message make up the rest.
     */
    private List<SyncStatistics.ErrorCount> errorsByKind(Connection connection, EntityType type, long failed) throws SQLException {
        Vendor vendor = database.vendor();
        Map<String, Long> kinds = new LinkedHashMap<>();
        SqlBuilder stored = ofType(new SqlBuilder(vendor).sql("SELECT failure_kind, count(*) FROM sync_metadata "
                + "WHERE sync_status = 'failed' AND failure_kind IS NOT NULL"), type).sql(" GROUP BY failure_kind");
        for (SyncStatistics.ErrorCount count : errorCounts(connection, stored)) {
            String label = EnumValue.parse(FailureKind.class, count.message()).value().map(FailureKind::label).orElse(count.message());
            kinds.merge(label, count.count(), Long::sum);
        }
        Map<String, Long> guessed = new LinkedHashMap<>();
        errorCounts(connection, ofType(new SqlBuilder(vendor).sql(
                "SELECT " + ErrorKinds.SQL_CASE + " AS kind, sum(s.states) AS n FROM sync_error_counts s WHERE 1 = 1"), type)
                .sql(" GROUP BY kind HAVING sum(s.states) <> 0")).forEach(count -> guessed.merge(count.message(), count.count(), Long::sum));
        if (!kinds.isEmpty()) {
            errorCounts(connection, ofType(new SqlBuilder(vendor).sql("SELECT " + ErrorKinds.SQL_CASE + " AS kind, count(*) FROM sync_metadata s "
                    + "WHERE s.sync_status = 'failed' AND s.failure_kind IS NOT NULL AND s.last_error IS NOT NULL"), type)
                    .sql(" GROUP BY kind")).forEach(known -> guessed.merge(known.message(), -known.count(), Long::sum));
        }
        guessed.forEach((label, count) -> {
            if (count > 0) {
                kinds.merge(label, count, Long::sum);
            }
        });
        long counted = kinds.values().stream().mapToLong(Long::longValue).sum();
        if (failed > counted) {
            kinds.merge(NO_MESSAGE, failed - counted, Long::sum);
        }
        List<SyncStatistics.ErrorCount> list = new ArrayList<>();
        kinds.forEach((label, count) -> list.add(new SyncStatistics.ErrorCount(label, count)));
        list.sort(Comparator.comparingLong(SyncStatistics.ErrorCount::count).reversed().thenComparing(SyncStatistics.ErrorCount::message));
        return list;
    }

    private static List<SyncStatistics.ErrorCount> errorCounts(Connection connection, SqlBuilder query) throws SQLException {
        List<SyncStatistics.ErrorCount> counts = new ArrayList<>();
        try (PreparedStatement statement = query.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.add(new SyncStatistics.ErrorCount(rows.getString(1), rows.getLong(2)));
            }
        }
        return counts;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    private static SqlBuilder ofType(SqlBuilder query, EntityType type) {
        return type == null ? query : query.sql(" AND entity_type = ?", type);
    }

    /** Folds PostgreSQL's delta rows before reading them; a database the operator may only read keeps its deltas. */
    private void foldDeltasIfMany() {
        try {
            database.inTransaction(connection -> {
                DashboardCounts.foldDeltas(connection);
                return null;
            });
        } catch (DatabaseException e) {
            LOG.info("Dashboard counts not folded ({}); the figures are read from the delta rows", e.getMessage());
        }
    }
}
