package com.syncdesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncdesk.conflict.ConflictType;
import com.syncdesk.history.OperationType;
import com.syncdesk.operator.Operators;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.persistence.WireEnum;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStatus;

/**
 * The sync engine's reads and writes of {@code sync_metadata}, {@code sync_snapshots}, {@code conflict_resolutions}
 * and {@code sync_history}, in plain JDBC on the caller's connection and transaction. Every change of a state
 * bumps its {@code row_version} and is made only if the version is still the one the run read: an operator's
 * retry, skip or resolution made meanwhile wins, and the run leaves that entity to the next run.
 */
final class SyncStore {

    /** A JSON value bound as a parameter (PostgreSQL casts it to jsonb). */
    record JsonValue(String text) {
    }

    private final Database database;
    private final Vendor vendor;

    SyncStore(Database database) {
        this.database = database;
        this.vendor = database.vendor();
    }

    Vendor vendor() {
        return vendor;
    }

    Database database() {
        return database;
    }

    // ---- reading states ----

    private static final String STATE_COLUMNS = "SELECT s.id, s.entity_id, s.jira_id, s.sync_status, s.row_version, s.error_count, "
            + "s.sync_direction, CASE WHEN s.conflicts IS NULL THEN 0 ELSE 1 END, s.next_attempt_at, s.parked_at, s.last_sync_attempt, "
            + "s.remote_modified, n.fields, n.taken_at, s.resolution_strategy, s.local_modified FROM sync_metadata s "
            + "LEFT JOIN sync_snapshots n ON n.sync_metadata_id = s.id WHERE ";

    /**
     * The states of {@code kind} with one of the ids, JIRA ids or entity ids, with their snapshots and operators' resolutions;
     * one query per criterion, each on its own index.
     */
    Map<Long, Tracked> states(Connection connection, EntityKind kind, Collection<Long> ids, Collection<String> jiraIds,
                              Collection<String> entityIds, boolean lock) throws SQLException {
        List<SqlBuilder> queries = new ArrayList<>();
        if (!ids.isEmpty()) {
            queries.add(new SqlBuilder(vendor).sql(STATE_COLUMNS).idIn("s.id", ids).sql(" AND s.entity_type = ?", kind.type()));
        }
        if (!jiraIds.isEmpty()) {
            queries.add(new SqlBuilder(vendor).sql(STATE_COLUMNS + "s.entity_type = ? AND s.jira_id IN ", kind.type()).inList(jiraIds));
        }
        if (!entityIds.isEmpty()) {
            queries.add(new SqlBuilder(vendor).sql(STATE_COLUMNS + "s.entity_type = ? AND s.entity_id IN ", kind.type()).inList(entityIds));
        }
        Map<Long, Tracked> states = new LinkedHashMap<>();
        List<Long> resolvedByOperators = new ArrayList<>();
        for (SqlBuilder query : queries) {
            if (lock && vendor == Vendor.POSTGRESQL) {
                query.sql(" FOR UPDATE OF s");
            }
            read(connection, kind, query, states, resolvedByOperators);
        }
        if (!resolvedByOperators.isEmpty()) {
            for (Map.Entry<Long, Map<String, JsonNode>> seen : seenByOperators(connection, kind, resolvedByOperators, states).entrySet()) {
                states.put(seen.getKey(), states.get(seen.getKey()).withSeen(seen.getValue()));
            }
        }
        return states;
    }

    private void read(Connection connection, EntityKind kind, SqlBuilder query, Map<Long, Tracked> states, List<Long> resolvedByOperators)
            throws SQLException {
        try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                if (states.containsKey(row.getLong(1))) {
                    continue;
                }
                String snapshot = row.getString(13);
                Tracked tracked = new Tracked(row.getLong(1), row.getString(2), row.getString(3),
                        EnumValue.parse(SyncStatus.class, row.getString(4)), row.getInt(5), row.getInt(6),
                        EnumValue.parse(SyncDirection.class, row.getString(7)), row.getInt(8) == 1, instant(row, 9), instant(row, 10),
                        instant(row, 11), instant(row, 12), instant(row, 16), snapshot == null ? null : Fields.parse(kind, snapshot),
                        instant(row, 14), Map.of());
                states.put(tracked.id(), tracked);
                if (tracked.base() != null && row.getString(15) != null && tracked.is(SyncStatus.PENDING)) {
                    resolvedByOperators.add(tracked.id());
                }
            }
        }
    }

    /**
     * What JIRA held on each field an operator resolved after the snapshot was taken: the value the operator decided
     * against or took, which becomes the field's base. The run's own automatic resolutions are already in the snapshot.
     */
    private Map<Long, Map<String, JsonNode>> seenByOperators(Connection connection, EntityKind kind, List<Long> stateIds,
                                                            Map<Long, Tracked> states) throws SQLException {
        SqlBuilder query = new SqlBuilder(vendor).sql("SELECT c.sync_metadata_id, c.field_name, c.remote_value, c.resolved_at "
                + "FROM conflict_resolutions c WHERE c.is_resolved = ? AND c.conflict_type = 'field_conflict' AND c.resolved_by IS NOT NULL AND ",
                true).idIn("c.sync_metadata_id", stateIds).sql(" ORDER BY c.resolved_at, c.id");
        Map<Long, Map<String, JsonNode>> seen = new HashMap<>();
        try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Tracked state = states.get(row.getLong(1));
                Instant resolvedAt = instant(row, 4);
                String field = row.getString(2);
                if (field == null || !kind.fieldNames().contains(field) || resolvedAt == null
                        || (state.baseTakenAt() != null && !resolvedAt.isAfter(state.baseTakenAt()))) {
                    continue;
                }
                seen.computeIfAbsent(state.id(), id -> new LinkedHashMap<>()).put(field, json(row.getString(3)));
            }
        }
        return seen;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.read(text);
        } catch (JsonProcessingException e) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
        }
    }

    private Instant instant(ResultSet row, int column) throws SQLException {
        var stored = SqlValues.readInstant(row, column, vendor);
        return stored == null ? null : stored.instant();
    }

    // ---- writing states ----

    /** A state to insert for an entity the run meets for the first time. */
    record NewState(EntityKind kind, long localId, String jiraId, Map<String, Object> columns) {
    }

    /** Inserts states in one batch and returns their ids by JIRA id. */
    Map<String, Long> insertStates(Connection connection, EntityKind kind, List<NewState> states, Instant now) throws SQLException {
        if (states.isEmpty()) {
            return Map.of();
        }
        List<String> names = new ArrayList<>(states.getFirst().columns().keySet());
        StringBuilder sql = new StringBuilder("INSERT INTO sync_metadata (entity_type, entity_id, jira_id, created_at, updated_at");
        StringBuilder values = new StringBuilder("?, ?, ?, ?, ?");
        for (String name : names) {
            sql.append(", ").append(name);
            values.append(", ").append(placeholder(states.getFirst().columns().get(name)));
        }
        sql.append(") VALUES (").append(values).append(")");
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            for (NewState state : states) {
                insert.setString(1, kind.type().wire());
                insert.setString(2, String.valueOf(state.localId()));
                insert.setString(3, state.jiraId());
                SqlValues.bindInstant(insert, 4, now, vendor);
                SqlValues.bindInstant(insert, 5, now, vendor);
                int index = 6;
                for (String name : names) {
                    bind(insert, index++, state.columns().get(name));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Long> ids = new HashMap<>();
        SqlBuilder query = new SqlBuilder(vendor).sql("SELECT id, jira_id FROM sync_metadata WHERE entity_type = ? AND jira_id IN ", kind.type())
                .inList(states.stream().map(NewState::jiraId).toList());
        try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                ids.put(row.getString(2), row.getLong(1));
            }
        }
        return ids;
    }

    /** Changes the state if it is still at the version the run read; false when someone else changed it meanwhile. */
    boolean update(Connection connection, long stateId, int expectedVersion, Map<String, Object> columns, Instant now) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE sync_metadata SET ");
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            sql.append(column.getKey()).append(" = ").append(placeholder(column.getValue())).append(", ");
        }
        sql.append("row_version = row_version + 1, updated_at = ? WHERE id = ? AND row_version = ?");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Object value : columns.values()) {
                bind(update, index++, value);
            }
            SqlValues.bindInstant(update, index++, now, vendor);
            update.setLong(index++, stateId);
            update.setInt(index, expectedVersion);
            return update.executeUpdate() == 1;
        }
    }

    /** Marks states as seen by this run (full runs find what JIRA no longer has from what was not seen), in one batch. */
    void markSeen(Connection connection, List<Tracked> states, String batchId, Instant now) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE sync_metadata SET sync_batch_id = ?, row_version = row_version + 1, "
                + "updated_at = ? WHERE id = ? AND row_version = ?")) {
            for (Tracked state : states) {
                update.setString(1, batchId);
                SqlValues.bindInstant(update, 2, now, vendor);
                update.setLong(3, state.id());
                update.setInt(4, state.rowVersion());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    void deleteState(Connection connection, long stateId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sync_metadata WHERE id = ?")) {
            delete.setLong(1, stateId);
            delete.executeUpdate();
        }
    }

    /** Writes snapshots (the base of the next comparison) in one batch, replacing the old ones. */
    void writeSnapshots(Connection connection, Map<Long, Fields> snapshots, Instant takenAt) throws SQLException {
        if (snapshots.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO sync_snapshots (sync_metadata_id, fields, taken_at) VALUES (?, "
                + SqlValues.jsonParameter(vendor) + ", ?) ON CONFLICT (sync_metadata_id) DO UPDATE SET fields = excluded.fields, "
                + "taken_at = excluded.taken_at")) {
            for (Map.Entry<Long, Fields> snapshot : snapshots.entrySet()) {
                upsert.setLong(1, snapshot.getKey());
                upsert.setString(2, snapshot.getValue().canonicalJson());
                SqlValues.bindInstant(upsert, 3, takenAt, vendor);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** One conflict row, open for a human or resolved by the connection's strategy. */
    record ConflictRow(long stateId, ConflictType type, String field, JsonNode base, JsonNode local, JsonNode remote,
                       com.syncdesk.syncstate.ResolutionStrategy strategy, boolean resolved, JsonNode value, String notes) {
    }

    void insertConflicts(Connection connection, List<ConflictRow> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String json = SqlValues.jsonParameter(vendor);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, "
                + "field_name, base_value, local_value, remote_value, resolution_strategy, is_resolved, resolved_value, resolved_at, "
                + "resolution_notes, created_at, updated_at) VALUES (?, ?, ?, " + json + ", " + json + ", " + json + ", ?, ?, " + json
                + ", ?, ?, ?, ?)")) {
            for (ConflictRow row : rows) {
                insert.setLong(1, row.stateId());
                insert.setString(2, row.type().wire());
                insert.setString(3, row.field());
                insert.setString(4, row.base() == null ? null : Json.write(row.base()));
                insert.setString(5, row.local() == null ? null : Json.write(row.local()));
                insert.setString(6, row.remote() == null ? null : Json.write(row.remote()));
                insert.setString(7, row.strategy().wire());
                insert.setBoolean(8, row.resolved());
                insert.setString(9, row.value() == null ? null : Json.write(row.value()));
                SqlValues.bindInstant(insert, 10, row.resolved() ? now : null, vendor);
                insert.setString(11, row.notes());
                SqlValues.bindInstant(insert, 12, now, vendor);
                SqlValues.bindInstant(insert, 13, now, vendor);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The state's {@code conflicts} JSON for the open conflicts: {field, local, remote, base} per field, the conflict type for a whole entity. */
    static JsonValue conflictsJson(List<ConflictRow> open) {
        ArrayNode array = FieldType.JSON.arrayNode();
        for (ConflictRow row : open) {
            ObjectNode item = array.addObject().put("field", row.field() != null ? row.field() : row.type().wire());
            item.set("local", row.local());
            item.set("remote", row.remote());
            if (row.base() != null) {
                item.set("base", row.base());
            }
        }
        return new JsonValue(Json.write(array));
    }

    // ---- history ----

    /**
     * The last run that finished: when it started, the boards it walked, and when it began looking at the local side
     * (local changes from then on are the next run's).
     */
    record LastRun(Instant startedAt, List<Long> boards, Instant localScanAt) {
    }

    /** Issues a run began to create in JIRA and did not see through: JIRA may have made them before that run died. */
    List<Long> creationsUnderway() {
        return database.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM sync_metadata WHERE entity_type = 'issue' "
                    + "AND jira_id LIKE ? ORDER BY id")) {
                query.setString(1, Tracked.PENDING_CREATION + "%");
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    Optional<LastRun> lastSuccessfulRun() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT created_at, sync_details FROM sync_history "
                    + "WHERE operation_type IN ('full_sync', 'incremental_sync') AND status = 'completed' AND batch_id LIKE 'sync-%' "
                    + "ORDER BY created_at DESC, id DESC LIMIT 1"); ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.<LastRun>empty();
                }
                List<Long> boards = new ArrayList<>();
                JsonNode details = json(row.getString(2));
                Instant started = instant(row, 1);
                Instant localScan = started;
                if (details != null) {
                    details.path("boards").forEach(board -> boards.add(board.asLong()));
                    if (details.hasNonNull("local_scan_at")) {
                        localScan = com.syncdesk.persistence.SqliteTimestamps.parse(details.get("local_scan_at").asText()).orElse(started);
                    }
                }
                return Optional.of(new LastRun(started, boards, localScan));
            }
        });
    }

    long startHistory(Connection connection, OperationType type, String batchId, String operator, JsonNode details, Instant now) throws SQLException {
        long operatorId = Operators.idFor(connection, vendor, operator);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_history (operation_type, batch_id, status, sync_details, "
                + "initiated_by, created_at, updated_at) VALUES (?, ?, 'in_progress', " + SqlValues.jsonParameter(vendor) + ", ?, ?, ?)")) {
            insert.setString(1, type.wire());
            insert.setString(2, batchId);
            insert.setString(3, Json.write(details));
            insert.setLong(4, operatorId);
            SqlValues.bindInstant(insert, 5, now, vendor);
            SqlValues.bindInstant(insert, 6, now, vendor);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM sync_history WHERE batch_id = ?")) {
            select.setString(1, batchId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    void finishHistory(long id, SyncCounts counts, long apiCalls, double seconds, SyncStatus status, String error, JsonNode details, Instant now) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_history SET entities_processed = ?, entities_created = ?, "
                    + "entities_updated = ?, entities_deleted = ?, entities_skipped = ?, conflicts_detected = ?, conflicts_resolved = ?, "
                    + "api_calls_made = ?, duration_seconds = ?, status = ?, error_message = ?, sync_details = " + SqlValues.jsonParameter(vendor)
                    + ", updated_at = ? WHERE id = ?")) {
                update.setInt(1, counts.processed());
                update.setInt(2, counts.created());
                update.setInt(3, counts.updated());
                update.setInt(4, counts.deleted());
                update.setInt(5, counts.skipped());
                update.setInt(6, counts.conflictsDetected());
                update.setInt(7, counts.conflictsResolved());
                update.setLong(8, Math.min(Integer.MAX_VALUE, apiCalls));
                update.setDouble(9, seconds);
                update.setString(10, status.wire());
                update.setString(11, error);
                update.setString(12, Json.write(details));
                SqlValues.bindInstant(update, 13, now, vendor);
                update.setLong(14, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** What a run found left by a run that died: its history rows and the states it held. */
    record Reclaimed(int runs, int states) {
    }

    /**
     * Marks the history rows of runs that never finished as interrupted (failed, with why) and puts the states they
     * held back to pending, so this run takes them up again. Only called with the sync lock held: no live run holds them.
     */
    Reclaimed reclaim(SyncLock.Holder holder, Instant now) {
        return database.inTransaction(connection -> {
            int runs;
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_history SET status = 'failed', error_message = ?, "
                    + "updated_at = ? WHERE status = 'in_progress' AND operation_type IN ('full_sync', 'incremental_sync')")) {
                update.setString(1, "Interrupted: this run ended without finishing (its process was killed or lost the database); "
                        + "the next run, on " + holder.describe() + ", took up the entities it left.");
                SqlValues.bindInstant(update, 2, now, vendor);
                runs = update.executeUpdate();
            }
            int states;
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_metadata SET sync_status = 'pending', "
                    + "row_version = row_version + 1, updated_at = ? WHERE sync_status = 'in_progress'")) {
                SqlValues.bindInstant(update, 1, now, vendor);
                states = update.executeUpdate();
            }
            return new Reclaimed(runs, states);
        });
    }

    // ---- candidates of the local side ----

    /**
     * The next ids (above {@code after}, at most {@code limit}, ascending) of states a run must look at beyond what JIRA's
     * answers showed it, each kind found through its own index: pending ones (retried by an operator, resolved conflicts),
     * failed ones due for a retry and creations left underway; with {@code changedSince} those whose local row changed
     * since then and since the run last wrote or saw it (its updated_at differs from what the state recorded); with {@code unseen} every state the run did not see (a full run's
     * check for what JIRA no longer has); with {@code deletedLocally} those whose local row is gone.
     */
    List<Long> candidates(EntityKind kind, String batchId, Instant now, Instant changedSince, boolean unseen, boolean deletedLocally, long after,
                          int limit) {
        String table = switch (kind) {
            case PROJECT -> "projects";
            case BOARD -> "boards";
            case SPRINT -> "sprints";
            case ISSUE -> "issues";
        };
        String localId = vendor == Vendor.SQLITE ? "CAST(s.entity_id AS INTEGER)"
                : "(CASE WHEN s.entity_id ~ '^[0-9]{1,18}$' THEN CAST(s.entity_id AS bigint) END)";
        String open = " AND (s.sync_batch_id IS NULL OR s.sync_batch_id <> ?) AND s.conflicts IS NULL AND s.id > ?";
        List<SqlBuilder> queries = new ArrayList<>();
        queries.add(new SqlBuilder(vendor).sql("SELECT s.id FROM sync_metadata s WHERE s.sync_status = 'pending' AND s.entity_type = ?" + open,
                kind.type(), batchId, after));
        queries.add(new SqlBuilder(vendor).sql("SELECT s.id FROM sync_metadata s WHERE s.sync_status = 'failed' AND s.parked_at IS NULL "
                + "AND s.next_attempt_at <= ? AND s.entity_type = ?" + open, now, kind.type(), batchId, after));
        // SQLite compares text by bytes, so a range reads the index; PostgreSQL's collation may not order punctuation so.
        SqlBuilder underway = vendor == Vendor.SQLITE
                ? new SqlBuilder(vendor).sql("SELECT s.id FROM sync_metadata s WHERE s.entity_type = ? AND s.jira_id >= ? AND s.jira_id < ?",
                kind.type(), Tracked.PENDING_CREATION, "pending;")
                : new SqlBuilder(vendor).sql("SELECT s.id FROM sync_metadata s WHERE s.entity_type = ? AND s.jira_id LIKE ?", kind.type(),
                Tracked.PENDING_CREATION + "%");
        queries.add(underway.sql(" AND s.sync_status NOT IN ('skipped', 'in_progress')" + open, batchId, after));
        if (changedSince != null) {
            queries.add(new SqlBuilder(vendor).sql("SELECT s.id FROM " + table + " r JOIN sync_metadata s ON s.entity_type = ? "
                    + "AND s.entity_id = CAST(r.id AS VARCHAR(100)) WHERE r.updated_at >= ? AND (s.local_modified IS NULL OR r.updated_at <> s.local_modified) "
                    + "AND s.sync_status NOT IN ('skipped', 'in_progress')" + open, kind.type(), changedSince, batchId, after));
        }
        if (unseen) {
            queries.add(new SqlBuilder(vendor).sql("SELECT s.id FROM sync_metadata s WHERE s.entity_type = ? AND s.parked_at IS NULL "
                    + "AND s.sync_status NOT IN ('skipped', 'in_progress')" + open, kind.type(), batchId, after));
        }
        if (deletedLocally) {
            queries.add(new SqlBuilder(vendor).sql("SELECT s.id FROM sync_metadata s WHERE s.entity_type = ? AND s.sync_status NOT IN "
                    + "('skipped', 'in_progress') AND NOT EXISTS (SELECT 1 FROM " + table + " r WHERE r.id = " + localId + ")" + open,
                    kind.type(), batchId, after));
        }
        return database.read(connection -> {
            java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
            for (SqlBuilder query : queries) {
                query.sql(" ORDER BY s.id LIMIT ?", limit);
                try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
            }
            return ids.stream().limit(limit).toList();
        });
    }

    /**
     * Whether some states of the kind may have lost their local row: more states than rows (less the issues never sent
     * to JIRA, which have none). The state count comes from the dashboard's counts, so this costs one count of the table.
     */
    boolean mayHaveLocalDeletions(EntityKind kind) {
        String table = kind == EntityKind.ISSUE ? "issues" : "sprints";
        String unsent = kind == EntityKind.ISSUE ? " - (SELECT count(*) FROM issues WHERE jira_issue_id IS NULL)" : "";
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT (SELECT coalesce(sum(states), 0) FROM sync_state_counts "
                    + "WHERE entity_type = ?) - ((SELECT count(*) FROM " + table + ")" + unsent + ")")) {
                query.setString(1, kind.type().wire());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1) > 0;
                }
            }
        });
    }

    /** Local issues never sent to JIRA and without a state: created locally, to be created in JIRA. */
    List<Long> newLocalIssues(long after, int limit) {
        SqlBuilder query = new SqlBuilder(vendor).sql("SELECT i.id FROM issues i WHERE i.jira_issue_id IS NULL AND i.id > ? AND NOT EXISTS "
                + "(SELECT 1 FROM sync_metadata s WHERE s.entity_type = 'issue' AND s.entity_id = CAST(i.id AS VARCHAR(100))) ORDER BY i.id LIMIT ?",
                after, limit);
        return database.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
            return ids;
        });
    }

    // ---- binding ----

    private String placeholder(Object value) {
        return value instanceof JsonValue ? SqlValues.jsonParameter(vendor) : "?";
    }

    private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            // Untyped, so PostgreSQL takes it for a timestamp, a number or text alike.
            case null -> statement.setNull(index, Types.NULL);
            case JsonValue json -> statement.setString(index, json.text());
            case Instant instant -> SqlValues.bindInstant(statement, index, instant, vendor);
            case WireEnum wire -> statement.setString(index, wire.wire());
            case Integer number -> statement.setInt(index, number);
            case Long number -> statement.setLong(index, number);
            default -> statement.setObject(index, value);
        }
    }
}
