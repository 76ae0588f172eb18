package com.syncdesk.syncstate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;

/**
 * What an operator filters sync states by. Empty sets and nulls mean "any". Every value is bound as
 * a parameter; the free text matches entity id, JIRA id or last error literally, wildcards included, and the entity's label
 * ({@link EntityLabels#orLabelMatches}).
 */
public record SyncStateFilter(Set<SyncStatus> statuses, Set<EntityType> types, Set<SyncDirection> directions,
                              String batchId, Boolean hasOpenConflicts, Integer minErrorCount,
                              Instant attemptFrom, Instant attemptTo, String text) {

    public SyncStateFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        types = types == null ? Set.of() : Set.copyOf(types);
        directions = directions == null ? Set.of() : Set.copyOf(directions);
        batchId = blankToNull(batchId);
        text = blankToNull(text);
    }

    public static SyncStateFilter all() {
        return new SyncStateFilter(null, null, null, null, null, null, null, null, null);
    }

    public SyncStateFilter withStatuses(SyncStatus... values) {
        return new SyncStateFilter(values.length == 0 ? Set.of() : EnumSet.of(values[0], values), types, directions, batchId,
                hasOpenConflicts, minErrorCount, attemptFrom, attemptTo, text);
    }

    public SyncStateFilter withTypes(EntityType... values) {
        return new SyncStateFilter(statuses, values.length == 0 ? Set.of() : EnumSet.of(values[0], values), directions, batchId,
                hasOpenConflicts, minErrorCount, attemptFrom, attemptTo, text);
    }

    public SyncStateFilter withDirections(SyncDirection... values) {
        return new SyncStateFilter(statuses, types, values.length == 0 ? Set.of() : EnumSet.of(values[0], values), batchId,
                hasOpenConflicts, minErrorCount, attemptFrom, attemptTo, text);
    }

    public SyncStateFilter withBatch(String value) {
        return new SyncStateFilter(statuses, types, directions, value, hasOpenConflicts, minErrorCount, attemptFrom, attemptTo, text);
    }

    public SyncStateFilter withOpenConflicts(Boolean value) {
        return new SyncStateFilter(statuses, types, directions, batchId, value, minErrorCount, attemptFrom, attemptTo, text);
    }

    public SyncStateFilter withMinErrorCount(Integer value) {
        return new SyncStateFilter(statuses, types, directions, batchId, hasOpenConflicts, value, attemptFrom, attemptTo, text);
    }

    public SyncStateFilter withAttemptBetween(Instant from, Instant to) {
        return new SyncStateFilter(statuses, types, directions, batchId, hasOpenConflicts, minErrorCount, from, to, text);
    }

    public SyncStateFilter withText(String value) {
        return new SyncStateFilter(statuses, types, directions, batchId, hasOpenConflicts, minErrorCount, attemptFrom, attemptTo, value);
    }

    public boolean isEmpty() {
        return equals(all());
    }

    /** The WHERE conditions for {@code sync_metadata} aliased {@code s}; empty when the filter is empty. */
    /** True when only statuses and entity types narrow the states: V10's counts hold the answer. */
    public boolean onlyStatusesAndTypes() {
        return directions.isEmpty() && batchId == null && hasOpenConflicts == null && minErrorCount == null
                && attemptFrom == null && attemptTo == null && text == null;
    }

    public SqlBuilder toSql(SqlBuilder where) {
        String and = "";
        if (!statuses.isEmpty()) {
            where.sql("s.sync_status IN ").inList(statuses);
            and = " AND ";
        }
        if (!types.isEmpty()) {
            where.sql(and + "s.entity_type IN ").inList(types);
            and = " AND ";
        }
        if (!directions.isEmpty()) {
            where.sql(and + "s.sync_direction IN ").inList(directions);
            and = " AND ";
        }
        if (batchId != null) {
            where.sql(and + "s.sync_batch_id = ?", batchId);
            and = " AND ";
        }
        if (hasOpenConflicts != null) {
            where.sql(and + (hasOpenConflicts ? "" : "NOT ") + "EXISTS (SELECT 1 FROM conflict_resolutions c "
                    + "WHERE c.sync_metadata_id = s.id AND c.is_resolved = ?)", false);
            and = " AND ";
        }
        if (minErrorCount != null) {
            where.sql(and + "s.error_count >= ?", minErrorCount);
            and = " AND ";
        }
        if (attemptFrom != null) {
            where.sql(and + "s.last_sync_attempt >= ?", attemptFrom);
            and = " AND ";
        }
        if (attemptTo != null) {
            where.sql(and + "s.last_sync_attempt < ?", attemptTo);
            and = " AND ";
        }
        if (text != null) {
            String like = SqlValues.likeOperator(where.vendor());
            String pattern = SqlValues.containsPattern(text);
            where.sql(and + "(s.entity_id " + like + " ? ESCAPE '\\' OR s.jira_id " + like + " ? ESCAPE '\\' OR s.last_error "
                    + like + " ? ESCAPE '\\'", pattern, pattern, pattern);
            EntityLabels.orLabelMatches(where, "s", text).sql(")");
        }
        return where;
    }

    /** The filter as the audit trail records it: only what was set. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            described.put("status", statuses.stream().map(SyncStatus::wire).sorted().toList());
        }
        if (!types.isEmpty()) {
            described.put("entity_type", types.stream().map(EntityType::wire).sorted().toList());
        }
        if (!directions.isEmpty()) {
            described.put("direction", directions.stream().map(SyncDirection::wire).sorted().toList());
        }
        putIfSet(described, "batch_id", batchId);
        putIfSet(described, "has_open_conflicts", hasOpenConflicts);
        putIfSet(described, "min_error_count", minErrorCount);
        putIfSet(described, "attempt_from", attemptFrom == null ? null : attemptFrom.toString());
        putIfSet(described, "attempt_to", attemptTo == null ? null : attemptTo.toString());
        putIfSet(described, "text", text);
        return described;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
