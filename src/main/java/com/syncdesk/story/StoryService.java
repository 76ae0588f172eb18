package com.syncdesk.story;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.audit.AuditRow;
import com.syncdesk.conflict.EntityFields;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.SqliteTimestamps;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.story.StoryEntry.Kind;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateRows;
import com.syncdesk.syncstate.SyncStatus;

/**
 * Tells one sync state's story from what the database keeps: {@code sync_metadata} (its latest attempt and
 * success, the last changes on either side), {@code conflict_resolutions}, {@code audit_log} (entries naming the
 * state or its entity, or listing its id) and {@code sync_history} (the runs of its batch). SyncDesk keeps only
 * the latest attempt of a state; earlier ones show through the runs of its batch.
 */
public final class StoryService {

    /** The most entries read from the audit log and from the batch's runs: a state retried every hour has a long past. */
    static final int MOST_PER_SOURCE = 200;

    private final Database database;

    public StoryService(Database database) {
        this.database = database;
    }

    /** The story of one state; {@code timestamps} words the dates among conflicting values as the reader expects them. */
    public EntityStory story(long stateId, Function<Instant, String> timestamps) {
        Vendor vendor = database.vendor();
        return database.read(connection -> {
            SyncStateRow state = SyncStateRows.byId(connection, vendor, stateId).orElseThrow(() -> new DatabaseException(
                    DatabaseException.Reason.STALE_DATA, "Sync state " + stateId + " no longer exists; reload."));
            List<StoryEntry> entries = new ArrayList<>(fromState(state));
            entries.addAll(conflicts(connection, vendor, state, timestamps));
            entries.addAll(audit(connection, vendor, state));
            if (state.batchId() != null) {
                entries.addAll(runs(connection, vendor, state.batchId()));
            }
            // Unreadable timestamps (another client's text) go last rather than breaking the order.
            entries.sort(Comparator.comparing((StoryEntry e) -> e.at() == null || !e.at().isReadable())
                    .thenComparing(StoryEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
            return new EntityStory(state, List.copyOf(entries));
        });
    }

    private static List<StoryEntry> fromState(SyncStateRow state) {
        List<StoryEntry> entries = new ArrayList<>();
        add(entries, state.createdAt(), Kind.CREATED, "Sync state created", null, null);
        add(entries, state.localModified(), Kind.CHANGED, "Changed in SyncDesk", null, null);
        add(entries, state.remoteModified(), Kind.CHANGED, "Changed in JIRA", null, null);
        add(entries, state.lastSuccessfulSync(), Kind.SUCCESS, "Synced successfully", batch(state), state.durationMs() == null ? null
                : state.durationMs() + " ms, " + state.apiCalls() + " JIRA API calls");
        boolean attemptWasTheSuccess = state.lastSyncAttempt() != null && state.lastSyncAttempt().equals(state.lastSuccessfulSync());
        if (state.lastSyncAttempt() != null && !attemptWasTheSuccess) {
            boolean failed = state.status().is(SyncStatus.FAILED) || state.status().is(SyncStatus.PENDING) && state.errorCount() > 0;
            String what = state.status().is(SyncStatus.IN_PROGRESS) ? "Sync started" : failed
                    ? "Sync failed" + (state.errorCount() > 1 ? " (" + state.errorCount() + " failures in a row)" : "")
                    : "Last sync attempt (now " + state.status().words() + ")";
            add(entries, state.lastSyncAttempt(), failed ? Kind.FAILURE : Kind.ATTEMPT, what, batch(state), state.lastError());
        }
        return entries;
    }

    private static String batch(SyncStateRow state) {
        return state.batchId() == null ? null : "batch " + state.batchId();
    }

    private static List<StoryEntry> conflicts(Connection connection, Vendor vendor, SyncStateRow state, Function<Instant, String> timestamps)
            throws SQLException {
        Function<String, Function<String, String>> values = field -> json -> value(state, field, json, timestamps);
        List<StoryEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.created_at, c.resolved_at, c.is_resolved, "
                + "coalesce(c.field_name, c.conflict_type), c.local_value, c.remote_value, c.resolved_value, c.resolution_strategy, "
                + "o.username, c.resolution_notes FROM conflict_resolutions c LEFT JOIN operators o ON o.id = c.resolved_by "
                + "WHERE c.sync_metadata_id = ? ORDER BY c.id")) {
            select.setLong(1, state.id());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String field = row.getString(4);
                    add(entries, SqlValues.readInstant(row, 1, vendor), Kind.CONFLICT, "Conflict on " + words(field), null,
                            "SyncDesk: " + values.apply(field).apply(row.getString(5)) + " · JIRA: " + values.apply(field).apply(row.getString(6)));
                    if (row.getBoolean(3)) {
                        String notes = row.getString(10);
                        add(entries, SqlValues.readInstant(row, 2, vendor), Kind.RESOLUTION, "Conflict on " + words(field) + " resolved: "
                                + EnumValue.parse(ResolutionStrategy.class, row.getString(8) == null ? "" : row.getString(8)).words(), row.getString(9),
                                "Value: " + values.apply(field).apply(row.getString(7)) + (notes == null || notes.isBlank() ? "" : " · Notes: " + notes));
                    }
                }
            }
        }
        return entries;
    }

    /**
     * Entries that name the state (a one-state action), its entity (a resolution) or list its id (an action on
     * chosen rows). An action on everything matching a filter records no ids, so it cannot be told apart here.
     */
    private static List<StoryEntry> audit(Connection connection, Vendor vendor, SyncStateRow state) throws SQLException {
        String listsId = vendor == Vendor.SQLITE
                ? "CASE WHEN json_valid(a.details) THEN EXISTS (SELECT 1 FROM json_each(a.details, '$.ids') j WHERE j.value = ?) ELSE 0 END"
                : "a.details -> 'ids' @> to_jsonb(CAST(? AS bigint))";
        List<StoryEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + auditColumns(vendor) + " FROM audit_log a "
                + "WHERE (a.entity_type = 'sync_state' AND a.entity_id = ?) OR (a.entity_type = ? AND a.entity_id = ?) "
                + "OR (a.entity_type = 'sync_state' AND a.entity_id IS NULL AND " + listsId + ") ORDER BY a.at DESC, a.id DESC LIMIT "
                + MOST_PER_SOURCE)) {
            select.setString(1, String.valueOf(state.id()));
            select.setString(2, state.entityType().wire());
            select.setString(3, state.entityId());
            select.setLong(4, state.id());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    AuditRow audit = new AuditRow(row.getLong(1), SqlValues.readInstant(row, 2, vendor), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7));
                    Long changed = audit.count();
                    Long matching = audit.matching();
                    add(entries, audit.at(), Kind.ACTION, audit.actionWords() + " (audit log)", audit.operator(),
                            audit.target() + (changed == null ? "" : " · changed " + changed + (matching == null ? "" : " of " + matching)));
                }
            }
        }
        return entries;
    }

    private static String auditColumns(Vendor vendor) {
        return "a.id, a.at, a.operator, a.action, a.entity_type, a.entity_id, " + (vendor == Vendor.SQLITE ? "a.details" : "CAST(a.details AS text)");
    }

    private static List<StoryEntry> runs(Connection connection, Vendor vendor, String batchId) throws SQLException {
        List<StoryEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT h.created_at, h.operation_type, h.status, h.entities_processed, "
                + "h.error_message, o.username FROM sync_history h LEFT JOIN operators o ON o.id = h.initiated_by WHERE h.batch_id = ? "
                + "ORDER BY h.created_at DESC, h.id DESC LIMIT " + MOST_PER_SOURCE)) {
            select.setString(1, batchId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String error = row.getString(5);
                    add(entries, SqlValues.readInstant(row, 1, vendor), Kind.RUN, words(row.getString(2)) + " run of batch " + batchId + ": "
                            + EnumValue.parse(SyncStatus.class, row.getString(3)).words(), row.getString(6),
                            row.getInt(4) + " entities processed" + (error == null ? "" : " · " + error));
                }
            }
        }
        return entries;
    }

    private static void add(List<StoryEntry> entries, StoredInstant at, Kind kind, String what, String who, String detail) {
        if (at != null) {
            entries.add(new StoryEntry(at, kind, what, who, detail));
        }
    }

    private static String words(String wire) {
        String words = wire == null ? "" : wire.replace('_', ' ');
        return words.isEmpty() ? "the entity" : words;
    }

    /** A conflicting value as the reader reads it: text without quotes, a date of a date field in their style, anything else as stored. */
    private static String value(SyncStateRow state, String field, String json, Function<Instant, String> timestamps) {
        if (json == null) {
            return "(none)";
        }
        JsonNode value;
        try {
            value = Json.read(json);
        } catch (JsonProcessingException notJson) {
            return json;
        }
        if (value.isNull()) {
            return "(empty)";
        }
        boolean temporal = state.entityType().value().flatMap(type -> EntityFields.table(type).field(field))
                .filter(f -> f.kind() == EntityFields.Kind.TIMESTAMP).isPresent();
        if (temporal) {
            return SqliteTimestamps.parse(value.isNumber() ? value.numberValue() : value.asText()).map(timestamps).orElse(value.asText());
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
