package com.syncdesk.conflict;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.audit.AuditLog;
import com.syncdesk.conflict.EntityFields.Field;
import com.syncdesk.conflict.EntityFields.Table;
import com.syncdesk.conflict.FieldChoice.Side;
import com.syncdesk.operator.Operators;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.KeysetPager;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityLabels;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateRows;
import com.syncdesk.syncstate.SyncStateService;

/**
 * Conflicts between SyncDesk and JIRA, and their resolution: one entity field by field, or many in
 * bulk. A resolution writes the chosen values into the local entity row, closes the conflict rows,
 * puts the sync state back to pending and records who did it, all in one transaction.
 */
public final class ConflictService {

    /** The longest resolution note SyncDesk records. */
    public static final int MAX_NOTES = 10_000;

    private final Database database;
    private final SyncStateService syncStates;

    public ConflictService(Database database, SyncStateService syncStates) {
        this.database = database;
        this.syncStates = syncStates;
    }

    // ---- recording (what a sync finds) ----

    public SyncState record(SyncState state, List<FieldConflict> conflicts) {
        return record(state, conflicts, ResolutionStrategy.MANUAL);
    }

    /** Stores the conflicts on the state and opens one {@code conflict_resolutions} row per field (or refreshes the open one). */
    public SyncState record(SyncState state, List<FieldConflict> conflicts, ResolutionStrategy strategy) {
        if (conflicts.isEmpty()) {
            throw new IllegalArgumentException("A conflict needs at least one field");
        }
        return syncStates.update(state, s -> {
            s.setConflicts(conflicts);
            s.setResolutionStrategy(strategy);
        }, (session, managed) -> {
            for (FieldConflict conflict : conflicts) {
                ConflictResolution open = session.createSelectionQuery(
                                "from ConflictResolution where syncState = :state and fieldName = :field and resolved = false",
                                ConflictResolution.class)
                        .setParameter("state", managed).setParameter("field", conflict.field())
                        .uniqueResultOptional().orElseGet(ConflictResolution::new);
                open.setSyncState(managed);
                open.setConflictType(ConflictType.FIELD_CONFLICT);
                open.setFieldName(conflict.field());
                open.setLocalValue(jsonOrNull(conflict.local()));
                open.setRemoteValue(jsonOrNull(conflict.remote()));
                open.setBaseValue(jsonOrNull(conflict.base()));
                open.setResolutionStrategy(strategy);
                session.persist(open);
            }
        });
    }

    private static String jsonOrNull(JsonNode node) {
        return node == null ? null : Json.write(node);
    }

    // ---- what waits ----

    public Page<ConflictGroup> openConflicts(ConflictFilter filter, PageRequest request) {
        Vendor vendor = database.vendor();
        String open = "c.sync_metadata_id = s.id AND c.is_resolved = " + falseLiteral(vendor);
        String names = vendor == Vendor.SQLITE ? "group_concat(coalesce(c.field_name, c.conflict_type), ', ')"
                : "string_agg(coalesce(c.field_name, c.conflict_type), ', ' ORDER BY c.id)";
        KeysetPager pager = new KeysetPager("sync_metadata s",
                "s.id, s.entity_type, s.entity_id, s.jira_id, s.last_successful_sync, "
                        + "(SELECT count(*) FROM conflict_resolutions c WHERE " + open + ") AS open_fields, "
                        + "(SELECT " + names + " FROM conflict_resolutions c WHERE " + open + ") AS field_names, "
                        + "(SELECT min(c.created_at) FROM conflict_resolutions c WHERE " + open + ") AS waiting_since, "
                        + EntityLabels.expression(vendor, "s") + " AS entity_label",
                "s.id", true, "s.id");
        SqlBuilder where = filter.toSql(new SqlBuilder(vendor));
        return database.read(connection -> pager.fetch(connection, where, request, row -> new ConflictGroup(
                row.getLong("id"), EnumValue.parse(EntityType.class, row.getString("entity_type")), row.getString("entity_id"),
                row.getString("jira_id"), row.getString("entity_label"), row.getInt("open_fields"), row.getString("field_names"),
                SqlValues.readInstant(row, "waiting_since", vendor), SqlValues.readInstant(row, "last_successful_sync", vendor))));
    }

    /** How many conflict rows wait in entities matching the filter. */
    public long countOpen(ConflictFilter filter) {
        SqlBuilder query = new SqlBuilder(database.vendor()).sql("SELECT count(*) FROM conflict_resolutions c WHERE c.is_resolved = ? "
                + "AND c.sync_metadata_id IN (SELECT s.id FROM sync_metadata s WHERE ", false).append(filter.toSql(new SqlBuilder(database.vendor()))).sql(")");
        return database.read(connection -> {
            try (PreparedStatement statement = query.prepare(connection); ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    public ConflictDetail detail(long stateId) {
        Vendor vendor = database.vendor();
        return database.read(connection -> {
            SyncStateRow state = loadState(connection, vendor, stateId);
            List<ConflictField> fields = openFields(connection, stateId);
            Map<String, Object> entity = state.entityType().isKnown()
                    ? entityRow(connection, vendor, EntityFields.table(state.entityType().known()), state.entityId()) : Map.of();
            return new ConflictDetail(state, fields, entity, label(state, entity));
        });
    }

    public Page<ResolvedConflict> recentlyResolved(PageRequest request) {
        Vendor vendor = database.vendor();
        KeysetPager pager = new KeysetPager("conflict_resolutions c JOIN sync_metadata s ON s.id = c.sync_metadata_id "
                + "LEFT JOIN operators o ON o.id = c.resolved_by",
                "c.id, c.sync_metadata_id, s.entity_type, s.entity_id, " + EntityLabels.expression(vendor, "s") + " AS entity_label, "
                        + "coalesce(c.field_name, c.conflict_type) AS field, "
                        + "c.resolution_strategy, c.resolved_value, o.username, c.resolved_at, c.resolution_notes",
                "c.resolved_at", false, "c.id");
        SqlBuilder where = new SqlBuilder(vendor).sql("c.is_resolved = ?", true);
        return database.read(connection -> pager.fetch(connection, where, request, row -> new ResolvedConflict(
                row.getLong("id"), row.getLong("sync_metadata_id"), EnumValue.parse(EntityType.class, row.getString("entity_type")),
                row.getString("entity_id"), row.getString("entity_label"), row.getString("field"), row.getString("resolution_strategy"),
                row.getString("resolved_value"), row.getString("username"), SqlValues.readInstant(row, "resolved_at", vendor),
                row.getString("resolution_notes"))));
    }

    // ---- resolving one entity ----

    /**
     * Resolves every open conflict of a sync state. {@code choices} has one entry per open conflict, keyed
     * by {@link ConflictField#name()}. Fails with {@link Reason#STALE_DATA} when the state or a conflict
     * changed since {@code expectedRowVersion} was read, and with {@link InvalidValueException} naming the
     * field when a value does not fit; in both cases nothing is written.
     */
    public ResolutionResult resolve(long stateId, int expectedRowVersion, Map<String, FieldChoice> choices, String notes, String operator) {
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("The notes are " + notes.length() + " characters long; at most " + MAX_NOTES
                    + " fit. Nothing was changed.");
        }
        Vendor vendor = database.vendor();
        // Reading and checking every value happens before the write transaction: a hostile value (a number of a
        // million digits) is refused without holding the lock a sync worker waits on.
        Prepared prepared = database.read(connection -> prepare(connection, vendor, stateId, expectedRowVersion, choices));
        return database.inTransaction(connection -> {
            SyncStateRow state = loadState(connection, vendor, stateId);
            if (state.rowVersion() != expectedRowVersion) {
                throw SyncStateService.staleData(stateId);
            }
            List<ConflictField> fields = openFields(connection, stateId);
            if (!fields.stream().map(ConflictField::resolutionId).toList().equals(prepared.resolutionIds())) {
                throw new DatabaseException(Reason.STALE_DATA, "The conflicts of sync state " + stateId
                        + " changed while you decided. Reload; nothing was changed.");
            }
            EntityType type = prepared.type();
            Table table = EntityFields.table(type);
            Plan plan = prepared.plan();
            long entityId = entityRowId(state);
            if (plan.deleteLocal) {
                execute(connection, "DELETE FROM " + table.name() + " WHERE id = ?", entityId);
            } else if (!plan.columnValues.isEmpty()) {
                writeEntity(connection, vendor, table, entityId, plan.columnValues, plan.fieldNames);
            }

            long operatorId = Operators.idFor(connection, vendor, operator);
            Instant now = Instant.now();
            try (PreparedStatement close = connection.prepareStatement("UPDATE conflict_resolutions SET is_resolved = ?, "
                    + "resolved_value = " + SqlValues.jsonParameter(vendor) + ", resolution_strategy = ?, resolved_by = ?, resolved_at = ?, "
                    + "resolution_notes = ?, row_version = row_version + 1, updated_at = ? WHERE id = ? AND is_resolved = ?")) {
                for (ConflictField field : fields) {
                    FieldChoice choice = choices.get(field.name());
                    close.setBoolean(1, true);
                    JsonNode resolved = resolvedValue(field, choice);
                    close.setString(2, resolved == null ? null : Json.write(resolved));
                    close.setString(3, strategyOf(choice.side()).wire());
                    close.setLong(4, operatorId);
                    SqlValues.bindInstant(close, 5, now, vendor);
                    close.setString(6, notes);
                    SqlValues.bindInstant(close, 7, now, vendor);
                    close.setLong(8, field.resolutionId());
                    close.setBoolean(9, false);
                    if (close.executeUpdate() != 1) {
                        throw new DatabaseException(Reason.STALE_DATA, "The conflict on " + field.name()
                                + " was resolved by someone else meanwhile. Reload; nothing was changed.");
                    }
                }
            }

            SyncDirection direction = plan.direction != null ? plan.direction : state.direction().value().orElse(SyncDirection.BIDIRECTIONAL);
            ResolutionStrategy strategy = plan.strategy();
            SqlBuilder reset = new SqlBuilder(vendor).sql("UPDATE sync_metadata SET sync_status = 'pending', resolution_strategy = ?, "
                    + "conflicts = NULL, sync_direction = ?, row_version = row_version + 1, updated_at = ? WHERE id = ? AND row_version = ?",
                    strategy, direction, now, stateId, expectedRowVersion);
            try (PreparedStatement statement = reset.prepare(connection)) {
                if (statement.executeUpdate() != 1) {
                    throw SyncStateService.staleData(stateId);
                }
            }

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("state_id", stateId);
            details.put("strategy", strategy.wire());
            Map<String, String> sides = new LinkedHashMap<>();
            fields.forEach(f -> sides.put(f.name(), choices.get(f.name()).side().name().toLowerCase()));
            details.put("fields", sides);
            if (notes != null && !notes.isBlank()) {
                details.put("notes", notes);
            }
            AuditLog.append(connection, vendor, operator, "resolve_conflict", type.wire(), state.entityId(), details);
            return new ResolutionResult(strategy, direction, fields.size(), 1, 0);
        });
    }

    /** A resolution checked before its write transaction: the conflicts it closes and what it writes. */
    private record Prepared(EntityType type, List<Long> resolutionIds, Plan plan) {
    }

    private static Prepared prepare(Connection connection, Vendor vendor, long stateId, int expectedRowVersion,
                                    Map<String, FieldChoice> choices) throws SQLException {
        SyncStateRow state = loadState(connection, vendor, stateId);
        if (state.rowVersion() != expectedRowVersion) {
            throw SyncStateService.staleData(stateId);
        }
        List<ConflictField> fields = openFields(connection, stateId);
        if (fields.isEmpty()) {
            throw new DatabaseException(Reason.STALE_DATA, "Sync state " + stateId + " has no open conflicts any more; reload.");
        }
        Set<String> missing = new TreeSet<>();
        fields.forEach(f -> {
            if (!choices.containsKey(f.name())) {
                missing.add(f.name());
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Choose a value for every field; missing: " + String.join(", ", missing));
        }
        EntityType type = state.entityType().value().orElseThrow(() -> new IllegalArgumentException(
                "Sync state " + stateId + " names an entity type SyncDesk does not know: " + state.entityType().wire()));
        return new Prepared(type, fields.stream().map(ConflictField::resolutionId).toList(), plan(EntityFields.table(type), fields, choices));
    }

    /** What resolving one entity will write. */
    private static final class Plan {
        final Map<Field, Object> columnValues = new LinkedHashMap<>();
        final Map<String, String> fieldNames = new HashMap<>();
        final Set<Side> sides = new LinkedHashSet<>();
        boolean deleteLocal;
        SyncDirection direction;

        ResolutionStrategy strategy() {
            if (sides.equals(Set.of(Side.REMOTE))) {
                return ResolutionStrategy.JIRA_WINS;
            }
            return sides.equals(Set.of(Side.LOCAL)) ? ResolutionStrategy.LOCAL_WINS : ResolutionStrategy.MANUAL;
        }
    }

    private static Plan plan(Table table, List<ConflictField> fields, Map<String, FieldChoice> choices) {
        Plan plan = new Plan();
        for (ConflictField field : fields) {
            FieldChoice choice = choices.get(field.name());
            plan.sides.add(choice.side());
            if (field.isWholeEntity()) {
                planWholeEntity(plan, field, choice);
            } else {
                Field column = table.field(field.name()).orElseThrow(() -> new InvalidValueException(field.name(),
                        field.name() + " is not a field SyncDesk can write on " + table.name() + "."));
                JsonNode value = switch (choice.side()) {
                    case LOCAL -> field.local();
                    case REMOTE -> field.remote();
                    case CUSTOM -> choice.customValue();
                };
                plan.columnValues.put(column, column.toColumnValue(field.name(), value));
                plan.fieldNames.put(column.column(), field.name());
                if (choice.side() != Side.REMOTE) {
                    plan.direction = SyncDirection.LOCAL_TO_REMOTE;
                }
            }
        }
        if (plan.deleteLocal) {
            plan.columnValues.clear();
        }
        return plan;
    }

    /**
     * Deleted or created on one side only. LOCAL keeps the local side's state and pushes it to JIRA
     * (restore, create or delete there); REMOTE takes JIRA's: a side that has no entity deletes the
     * local row, a side that has one makes the next sync fetch it.
     */
    private static void planWholeEntity(Plan plan, ConflictField field, FieldChoice choice) {
        switch (choice.side()) {
            case CUSTOM -> throw new InvalidValueException(field.name(), "A " + field.type().words()
                    + " is resolved by keeping one side, not by a typed value.");
            case LOCAL -> plan.direction = SyncDirection.LOCAL_TO_REMOTE;
            case REMOTE -> {
                if (absent(field.remote())) {
                    plan.deleteLocal = true;
                } else if (plan.direction == null) {
                    plan.direction = SyncDirection.REMOTE_TO_LOCAL;
                }
            }
        }
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static JsonNode resolvedValue(ConflictField field, FieldChoice choice) {
        return switch (choice.side()) {
            case LOCAL -> field.local();
            case REMOTE -> field.remote();
            case CUSTOM -> choice.customValue();
        };
    }

    private static ResolutionStrategy strategyOf(Side side) {
        return switch (side) {
            case LOCAL -> ResolutionStrategy.LOCAL_WINS;
            case REMOTE -> ResolutionStrategy.JIRA_WINS;
            case CUSTOM -> ResolutionStrategy.MANUAL;
        };
    }

    /** @param fieldNames the conflict's name for each written column, so a refused value is reported on the field the dialog shows */
    private static void writeEntity(Connection connection, Vendor vendor, Table table, long entityId, Map<Field, Object> values,
                                    Map<String, String> fieldNames) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE " + table.name() + " SET ");
        values.keySet().forEach(f -> sql.append(f.column()).append(" = ").append(f.placeholder()).append(", "));
        sql.append("updated_at = ? WHERE id = ?");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Map.Entry<Field, Object> entry : values.entrySet()) {
                entry.getKey().bind(update, index++, entry.getValue(), vendor);
            }
            SqlValues.bindInstant(update, index++, Instant.now(), vendor);
            update.setLong(index, entityId);
            if (update.executeUpdate() != 1) {
                throw new DatabaseException(Reason.STALE_DATA, "The local " + table.name() + " row " + entityId
                        + " no longer exists. Reload; nothing was changed.");
            }
        } catch (SQLException e) {
            Set<String> written = new LinkedHashSet<>();
            values.keySet().forEach(f -> written.add(f.column()));
            String column = EntityFields.columnOfViolatedCheck(e.getMessage(), written).orElse(null);
            String field = column == null ? null : fieldNames.getOrDefault(column, column);
            if (field != null) {
                throw new InvalidValueException(field, "The chosen values break a rule of " + table.name() + ": " + ruleOf(e.getMessage()));
            }
            throw e;
        }
    }

    private static String ruleOf(String message) {
        if (message.contains("valid_sprint_dates")) {
            return "a sprint cannot end before it starts.";
        }
        if (message.contains("valid_complete_date")) {
            return "a sprint cannot be completed before it starts.";
        }
        return "the database refused the value.";
    }

    // ---- resolving in bulk ----

    /**
     * Resolves every open conflict of the matching entities with one side: JIRA's values are written
     * into the entity rows in batches; conflicts and states are closed by set-based statements. An
     * entity whose JIRA value does not fit its column is left open and counted as skipped.
     */
    public ResolutionResult resolveAll(ConflictFilter filter, ResolutionStrategy strategy, String notes, String operator) {
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("The notes are " + notes.length() + " characters long; at most " + MAX_NOTES
                    + " fit. Nothing was changed.");
        }
        if (strategy != ResolutionStrategy.JIRA_WINS && strategy != ResolutionStrategy.LOCAL_WINS) {
            throw new IllegalArgumentException("Bulk resolution takes JIRA's or the local side: jira_wins or local_wins");
        }
        Vendor vendor = database.vendor();
        Side side = strategy == ResolutionStrategy.JIRA_WINS ? Side.REMOTE : Side.LOCAL;
        return database.inTransaction(connection -> {
            BulkResolution bulk = new BulkResolution(connection, vendor, side);
            SqlBuilder query = new SqlBuilder(vendor).sql("SELECT c.id, c.sync_metadata_id, c.conflict_type, c.field_name, c.local_value, "
                    + "c.remote_value, s.entity_type, s.entity_id FROM conflict_resolutions c JOIN sync_metadata s ON s.id = c.sync_metadata_id "
                    + "WHERE c.is_resolved = ? AND ", false).append(filter.toSql(new SqlBuilder(vendor))).sql(" ORDER BY c.sync_metadata_id, c.id");
            try (PreparedStatement statement = query.prepare(connection)) {
                statement.setFetchSize(1_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        bulk.accept(rows);
                    }
                }
            }
            bulk.finish();
            if (bulk.closedConflicts.isEmpty()) {
                return new ResolutionResult(strategy, null, 0, 0, bulk.skipped.size());
            }
            long operatorId = Operators.idFor(connection, vendor, operator);
            Instant now = Instant.now();
            SqlBuilder close = new SqlBuilder(vendor).sql("UPDATE conflict_resolutions SET is_resolved = ?, resolved_value = "
                    + (side == Side.REMOTE ? "remote_value" : "local_value") + ", resolution_strategy = ?, resolved_by = ?, resolved_at = ?, "
                    + "resolution_notes = ?, row_version = row_version + 1, updated_at = ? WHERE is_resolved = ? AND ",
                    true, strategy, operatorId, now, notes, now, false);
            execute(connection, close.idIn("id", bulk.closedConflicts));

            SqlBuilder reset = new SqlBuilder(vendor).sql("UPDATE sync_metadata AS s SET sync_status = 'pending', resolution_strategy = ?, "
                    + "conflicts = NULL, " + (side == Side.LOCAL ? "sync_direction = 'local_to_remote', " : "")
                    + "row_version = row_version + 1, updated_at = ? WHERE ", strategy, now);
            execute(connection, reset.idIn("s.id", bulk.resolvedStates));

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("strategy", strategy.wire());
            details.put("filter", Map.of("entity_type", filter.types().stream().map(EntityType::wire).sorted().toList(),
                    "text", filter.text() == null ? "" : filter.text()));
            details.put("states", bulk.resolvedStates.size());
            details.put("conflicts", bulk.closedConflicts.size());
            details.put("skipped_states", bulk.skipped.size());
            AuditLog.append(connection, vendor, operator, "resolve_all", "sync_state", null, details);
            return new ResolutionResult(strategy, side == Side.LOCAL ? SyncDirection.LOCAL_TO_REMOTE : null,
                    bulk.closedConflicts.size(), bulk.resolvedStates.size(), bulk.skipped.size());
        });
    }

    /** Walks the open conflicts of the matching states in state order and batches the entity writes. */
    private static final class BulkResolution {
        private final Connection connection;
        private final Vendor vendor;
        private final Side side;
        private final Map<String, PreparedStatement> updates = new HashMap<>();
        private final Map<String, PreparedStatement> deletes = new HashMap<>();
        final List<Long> closedConflicts = new ArrayList<>();
        final List<Long> resolvedStates = new ArrayList<>();
        final Set<Long> skipped = new TreeSet<>();
        private long currentState = -1;
        private final List<Long> pendingConflicts = new ArrayList<>();
        private final List<Runnable> pendingWrites = new ArrayList<>();
        private boolean currentInvalid;
        private int batched;

        BulkResolution(Connection connection, Vendor vendor, Side side) {
            this.connection = connection;
            this.vendor = vendor;
            this.side = side;
        }

        void accept(ResultSet row) throws SQLException {
            long stateId = row.getLong("sync_metadata_id");
            if (stateId != currentState) {
                flushState();
                currentState = stateId;
            }
            pendingConflicts.add(row.getLong("id"));
            if (side == Side.LOCAL || currentInvalid) {
                return;
            }
            EnumValue<EntityType> type = EnumValue.parse(EntityType.class, row.getString("entity_type"));
            EnumValue<ConflictType> conflictType = EnumValue.parse(ConflictType.class, row.getString("conflict_type"));
            Long entityId = parseId(row.getString("entity_id"));
            if (!type.isKnown() || !conflictType.isKnown() || entityId == null) {
                currentInvalid = true;
                return;
            }
            Table table = EntityFields.table(type.known());
            JsonNode remote = readJson(row.getString("remote_value")).value();
            if (!conflictType.is(ConflictType.FIELD_CONFLICT)) {
                if (absent(remote)) {
                    pendingWrites.add(() -> batch(deletes, table.name(), "DELETE FROM " + table.name() + " WHERE id = ?", s -> s.setLong(1, entityId)));
                }
                return;
            }
            String fieldName = row.getString("field_name");
            Field field = table.field(fieldName).orElse(null);
            if (field == null) {
                currentInvalid = true;
                return;
            }
            Object value;
            try {
                value = field.toColumnValue(fieldName, remote);
            } catch (InvalidValueException e) {
                currentInvalid = true;
                return;
            }
            String key = table.name() + "." + field.column();
            pendingWrites.add(() -> batch(updates, key, "UPDATE " + table.name() + " SET " + field.column() + " = " + field.placeholder() + ", updated_at = ? WHERE id = ?",
                    s -> {
                        field.bind(s, 1, value, vendor);
                        SqlValues.bindInstant(s, 2, Instant.now(), vendor);
                        s.setLong(3, entityId);
                    }));
        }

        private void flushState() {
            if (currentState < 0) {
                return;
            }
            if (currentInvalid) {
                skipped.add(currentState);
            } else {
                pendingWrites.forEach(Runnable::run);
                closedConflicts.addAll(pendingConflicts);
                resolvedStates.add(currentState);
            }
            pendingConflicts.clear();
            pendingWrites.clear();
            currentInvalid = false;
        }

        void finish() throws SQLException {
            flushState();
            for (PreparedStatement statement : updates.values()) {
                statement.executeBatch();
                statement.close();
            }
            for (PreparedStatement statement : deletes.values()) {
                statement.executeBatch();
                statement.close();
            }
        }

        private interface Binder {
            void bind(PreparedStatement statement) throws SQLException;
        }

        private void batch(Map<String, PreparedStatement> cache, String key, String sql, Binder binder) {
            try {
                PreparedStatement statement = cache.get(key);
                if (statement == null) {
                    statement = connection.prepareStatement(sql);
                    cache.put(key, statement);
                }
                binder.bind(statement);
                statement.addBatch();
                if (++batched % 1_000 == 0) {
                    statement.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Writing JIRA's values failed: " + e.getMessage(), e);
            }
        }
    }

    // ---- reading ----

    private static SyncStateRow loadState(Connection connection, Vendor vendor, long stateId) throws SQLException {
        return SyncStateRows.byId(connection, vendor, stateId)
                .orElseThrow(() -> new DatabaseException(Reason.STALE_DATA, "Sync state " + stateId + " no longer exists; reload."));
    }

    private static List<ConflictField> openFields(Connection connection, long stateId) throws SQLException {
        List<ConflictField> fields = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, conflict_type, field_name, base_value, local_value, "
                + "remote_value FROM conflict_resolutions WHERE sync_metadata_id = ? AND is_resolved = ? ORDER BY id")) {
            select.setLong(1, stateId);
            select.setBoolean(2, false);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    EnumValue<ConflictType> type = EnumValue.parse(ConflictType.class, row.getString("conflict_type"));
                    String name = row.getString("field_name") != null ? row.getString("field_name") : type.wire();
                    ReadJson base = readJson(row.getString("base_value"));
                    ReadJson local = readJson(row.getString("local_value"));
                    ReadJson remote = readJson(row.getString("remote_value"));
                    String problem = base.problem() != null ? base.problem() : local.problem() != null ? local.problem() : remote.problem();
                    fields.add(new ConflictField(row.getLong("id"), type, name, base.value(), local.value(), remote.value(), problem));
                }
            }
        }
        return fields;
    }

    private record ReadJson(JsonNode value, String problem) {
    }

    /** Text another client stored that is not JSON is kept as a string value, with the problem noted. */
    private static ReadJson readJson(String text) {
        if (text == null) {
            return new ReadJson(null, null);
        }
        try {
            return new ReadJson(Json.read(text), null);
        } catch (JsonProcessingException e) {
            return new ReadJson(TextNode.valueOf(text), "stored value is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> entityRow(Connection connection, Vendor vendor, Table table, String entityId) throws SQLException {
        Long id = parseId(entityId);
        if (id == null) {
            return Map.of();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table.name() + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Map.of();
                }
                Map<String, Object> values = new LinkedHashMap<>();
                ResultSetMetaData meta = row.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i);
                    boolean temporal = column.endsWith("_date") || column.endsWith("_at") || column.endsWith("_remote")
                            || column.equals("jira_last_updated");
                    Object value = temporal ? SqlValues.readInstant(row, column, vendor) : row.getObject(i);
                    values.put(column, value instanceof StoredInstant stored && stored.isReadable() ? stored.instant() : value);
                }
                return values;
            }
        }
    }

    private static String label(SyncStateRow state, Map<String, Object> entity) {
        for (String column : List.of("issue_key", "name", "project_key")) {
            if (entity.get(column) != null) {
                return entity.get(column).toString();
            }
        }
        return state.entityType().wire() + " " + state.entityId();
    }

    private static long entityRowId(SyncStateRow state) {
        Long id = parseId(state.entityId());
        if (id == null) {
            throw new IllegalArgumentException("Sync state " + state.id() + " points at entity id '" + state.entityId()
                    + "', which is not a local row id.");
        }
        return id;
    }

    private static Long parseId(String entityId) {
        try {
            return entityId == null ? null : Long.parseLong(entityId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void execute(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    private static void execute(Connection connection, SqlBuilder sql) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection)) {
            statement.executeUpdate();
        }
    }

    private static String falseLiteral(Vendor vendor) {
        return vendor == Vendor.SQLITE ? "0" : "false";
    }
}
