package com.syncdesk.syncstate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;

import com.syncdesk.audit.AuditLog;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.KeysetPager;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

import jakarta.persistence.OptimisticLockException;

/**
 * Manages {@code sync_metadata}, the single source of truth for sync state: the sync lifecycle,
 * operator actions, paging and statistics. Every method is one transaction. Lists, counts and
 * figures are computed in the database; bulk actions are single set-based statements.
 */
public final class SyncStateService {

    private final Database database;
    private final SessionFactory sessions;

    public SyncStateService(Database database, SessionFactory sessions) {
        this.database = database;
        this.sessions = sessions;
    }

    public Vendor vendor() {
        return database.vendor();
    }

    // ---- the sync lifecycle (what a sync worker does) ----

    public SyncState createSyncState(EntityType entityType, String entityId, String jiraId) {
        return createSyncState(entityType, entityId, jiraId, SyncDirection.BIDIRECTIONAL, null);
    }

    public SyncState createSyncState(EntityType entityType, String entityId, String jiraId, SyncDirection direction, String batchId) {
        SyncState state = new SyncState();
        state.setEntityType(entityType);
        state.setEntityId(entityId);
        state.setJiraId(jiraId);
        state.setSyncDirection(direction);
        state.setSyncBatchId(batchId);
        state.setSyncStatus(SyncStatus.PENDING);
        try {
            sessions.inTransaction(session -> session.persist(state));
        } catch (RuntimeException e) {
            if (find(entityType, entityId).isPresent()) {
                throw new DatabaseException(Reason.FAILED, entityType.wire() + " " + entityId + " already has a sync state.", e);
            }
            throw DatabaseErrors.translate(e, database.target());
        }
        return state;
    }

    public Optional<SyncState> find(EntityType entityType, String entityId) {
        return translate(() -> sessions.fromTransaction(session -> session
                .createSelectionQuery("from SyncState where entityType = :type and entityId = :id", SyncState.class)
                .setParameter("type", EnumValue.of(entityType))
                .setParameter("id", entityId)
                .uniqueResultOptional()));
    }

    public Optional<SyncState> find(long id) {
        return translate(() -> Optional.ofNullable(sessions.fromTransaction(session -> session.find(SyncState.class, id))));
    }

    public SyncState markInProgress(SyncState state, String batchId) {
        return update(state, s -> {
            s.setSyncStatus(SyncStatus.IN_PROGRESS);
            s.setSyncBatchId(batchId);
            s.setLastSyncAttempt(Instant.now());
        });
    }

    public SyncState markSucceeded(SyncState state, int durationMs, int apiCalls, String contentHash, Instant remoteModified) {
        if (durationMs < 0 || apiCalls < 0) {
            throw new IllegalArgumentException("Duration and API calls cannot be negative");
        }
        return update(state, s -> {
            Instant now = Instant.now();
            s.setSyncStatus(SyncStatus.COMPLETED);
            s.setLastSyncAttempt(now);
            s.setLastSuccessfulSync(now);
            s.setErrorCount(0);
            s.setLastError(null);
            s.setSyncDurationMs(durationMs);
            s.setApiCallsCount(apiCalls);
            s.setContentHash(contentHash);
            s.setRemoteModified(remoteModified);
        });
    }

    public SyncState markFailed(SyncState state, String error) {
        return update(state, s -> {
            s.setSyncStatus(SyncStatus.FAILED);
            s.setErrorCount(s.getErrorCount() + 1);
            s.setLastError(error);
            s.setLastSyncAttempt(Instant.now());
        });
    }

    private SyncState update(SyncState state, Consumer<SyncState> change) {
        return update(state, change, (session, managed) -> { });
    }

    /**
     * Applies a change to the current row and writes what belongs with it ({@code alongside}, e.g. the
     * conflict rows) in the same transaction, refusing when the caller's copy is older than the database's.
     */
    public SyncState update(SyncState state, Consumer<SyncState> change, BiConsumer<Session, SyncState> alongside) {
        try {
            return sessions.fromTransaction(session -> {
                SyncState managed = session.find(SyncState.class, state.getId());
                if (managed == null) {
                    throw new DatabaseException(Reason.STALE_DATA, "Sync state " + state.getId() + " no longer exists; reload.");
                }
                if (managed.getRowVersion() != state.getRowVersion()) {
                    throw staleData(state.getId());
                }
                change.accept(managed);
                alongside.accept(session, managed);
                session.flush();
                return managed;
            });
        } catch (OptimisticLockException | StaleStateException e) {
            throw staleData(state.getId());
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    public static DatabaseException staleData(Object id) {
        return new DatabaseException(Reason.STALE_DATA, "Sync state " + id
                + " was changed by someone else since you read it. Reload and try again; nothing was changed.");
    }

    private <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    // ---- lists ----

    public Page<SyncStateRow> page(SyncStateFilter filter, SyncStateSort sort, PageRequest request) {
        Vendor vendor = database.vendor();
        KeysetPager pager = new KeysetPager("sync_metadata s", SyncStateRows.columns(vendor), sort.column().sql(), sort.ascending(), "s.id");
        SqlBuilder where = filter.toSql(new SqlBuilder(vendor));
        return database.read(connection -> pager.fetch(connection, where, request, row -> SyncStateRows.read(row, vendor)));
    }

    /**
     * Streams every matching row in sort order to the consumer, holding one row at a time: exports of a
     * million rows run in constant memory (PostgreSQL needs a transaction for its cursor).
     */
    public long forEach(SyncStateFilter filter, SyncStateSort sort, RowConsumer consumer) {
        Vendor vendor = database.vendor();
        return forEachStored(filter, sort, row -> consumer.accept(SyncStateRows.read(row, vendor)));
    }

    /**
     * Streams every matching row as stored, in the select list of {@link SyncStateRows#columns}: an export reads
     * each value itself, so one another client wrote out of an entity's range is written as it is.
     */
    public long forEachStored(SyncStateFilter filter, SyncStateSort sort, StoredRowConsumer consumer) {
        Vendor vendor = database.vendor();
        String direction = sort.ascending() ? " ASC" : " DESC";
        SqlBuilder query = new SqlBuilder(vendor).sql("SELECT " + SyncStateRows.columns(vendor) + " FROM sync_metadata s");
        SqlBuilder where = filter.toSql(new SqlBuilder(vendor));
        if (!where.isEmpty()) {
            query.sql(" WHERE ").append(where);
        }
        query.sql(" ORDER BY " + sort.column().sql() + direction + ", s.id" + direction);
        return database.inTransaction(connection -> {
            long rows = 0;
            try (PreparedStatement statement = query.prepare(connection)) {
                statement.setFetchSize(500);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        consumer.accept(row);
                        rows++;
                    }
                }
            }
            return rows;
        });
    }

    /** Receives each streamed row where the result set stands; may throw I/O failures, which abort the stream. */
    @FunctionalInterface
    public interface StoredRowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /** Receives streamed rows; may throw I/O failures, which abort the stream. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(SyncStateRow row) throws SQLException;
    }

    /** How many states match; a filter of statuses and types only is summed from the dashboard's counts (V10). */
    public long count(SyncStateFilter filter) {
        if (filter.onlyStatusesAndTypes()) {
            SqlBuilder sum = new SqlBuilder(database.vendor()).sql("SELECT coalesce(sum(states), 0) FROM sync_state_counts WHERE 1 = 1");
            if (!filter.statuses().isEmpty()) {
                sum.sql(" AND sync_status IN ").inList(filter.statuses());
            }
            if (!filter.types().isEmpty()) {
                sum.sql(" AND entity_type IN ").inList(filter.types());
            }
            return database.read(connection -> {
                try (PreparedStatement statement = sum.prepare(connection); ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            });
        }
        SqlBuilder where = filter.toSql(new SqlBuilder(database.vendor()));
        return database.read(connection -> new KeysetPager("sync_metadata s", "s.id", "s.id", true, "s.id").count(connection, where));
    }

    // ---- operator actions: one set-based statement and one audit row each ----

    /**
     * How the action would meet the selection, counted now: what a confirmation says before anything changes, so an
     * action that can change only some (or none) of the states says so first.
     */
    public ActionCounts preview(StateAction action, Selection selection) {
        SqlBuilder query = countsQuery(action, selection);
        return database.read(connection -> readCounts(connection, query));
    }

    /**
     * Applies an operator action to the selection: one set-based statement and one audit row, with the selection
     * counted in the same transaction so the result says what was left alone and why.
     */
    public ActionResult apply(StateAction action, Selection selection, String operator) {
        Vendor vendor = database.vendor();
        SqlBuilder counting = countsQuery(action, selection);
        // row_version is bumped so a worker holding an older copy fails instead of overwriting the action.
        SqlBuilder update = new SqlBuilder(vendor).sql("UPDATE sync_metadata AS s SET " + action.assignments()
                + ", row_version = row_version + 1, updated_at = ? WHERE " + action.applicable() + " AND ", Instant.now());
        appendSelection(update, selection);
        return database.inTransaction(connection -> {
            ActionCounts counts = readCounts(connection, counting);
            int affected;
            try (PreparedStatement statement = update.prepare(connection)) {
                affected = statement.executeUpdate();
            }
            Map<String, Object> details = new LinkedHashMap<>(selection.describe());
            details.put("matching", counts.matching());
            details.put("affected", affected);
            String entityId = selection instanceof Selection.Ids ids && ids.ids().size() == 1
                    ? ids.ids().iterator().next().toString() : null;
            AuditLog.append(connection, vendor, operator, action.audit(), "sync_state", entityId, details);
            return new ActionResult(action, counts, affected);
        });
    }

    private SqlBuilder countsQuery(StateAction action, Selection selection) {
        SqlBuilder query = new SqlBuilder(database.vendor()).sql("SELECT count(*), coalesce(sum(CASE WHEN " + action.applicable()
                + " THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN s.sync_status = 'in_progress' THEN 1 ELSE 0 END), 0) "
                + "FROM sync_metadata s WHERE ");
        appendSelection(query, selection);
        return query;
    }

    private static ActionCounts readCounts(Connection connection, SqlBuilder query) throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
            row.next();
            return new ActionCounts(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    public static void appendSelection(SqlBuilder sql, Selection selection) {
        switch (selection) {
            case Selection.Ids ids -> sql.idIn("s.id", ids.ids());
            case Selection.Matching matching -> {
                SqlBuilder where = matching.filter().toSql(new SqlBuilder(sql.vendor()));
                sql.sql("(").append(where.isEmpty() ? new SqlBuilder(sql.vendor()).sql("1 = 1") : where).sql(")");
            }
        }
    }

    // ---- statistics ----

    /** The dashboard's figures, read from the counts the database keeps up to date (see {@link SyncStatisticsReader}). */
    public SyncStatistics statistics(EntityType type, int windowHours) {
        return new SyncStatisticsReader(database).read(type, windowHours);
    }

    private static SqlBuilder ofType(SqlBuilder query, EntityType type) {
        return type == null ? query : query.sql(" AND s.entity_type = ?", type);
    }

    /** The seed's {@code get_sync_performance_stats}: figures over the states attempted in the last {@code hoursBack} hours. */
    public PerformanceStats performanceStats(EntityType type, int hoursBack) {
        Vendor vendor = database.vendor();
        SqlBuilder query = ofType(new SqlBuilder(vendor).sql("SELECT count(*), "
                + "coalesce(sum(CASE WHEN s.sync_status = 'completed' THEN 1 ELSE 0 END), 0), "
                + "coalesce(sum(CASE WHEN s.sync_status = 'failed' THEN 1 ELSE 0 END), 0), "
                + "avg(s.sync_duration_ms), coalesce(" + SqlValues.safeSum(vendor, "s.api_calls_count") + ", 0) "
                + "FROM sync_metadata s WHERE s.last_sync_attempt >= ?", Instant.now().minus(Duration.ofHours(hoursBack))), type);
        return database.read(connection -> {
            try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
                row.next();
                long total = row.getLong(1);
                long successful = row.getLong(2);
                double avg = row.getDouble(4);
                Double average = row.wasNull() ? null : avg;
                return new PerformanceStats(total, successful, row.getLong(3), average, SqlValues.readSaturated(row, 5),
                        total == 0 ? 0.0 : successful * 100.0 / total);
            }
        });
    }
}
