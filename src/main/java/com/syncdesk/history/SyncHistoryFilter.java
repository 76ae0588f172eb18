package com.syncdesk.history;

import java.time.Instant;
import java.util.Set;

import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.SyncStatus;

/** What the history of sync runs is filtered by; empty sets and nulls mean "any". */
public record SyncHistoryFilter(Set<OperationType> operations, Set<SyncStatus> statuses, EntityType entityType,
                                Instant from, Instant to) {

    public SyncHistoryFilter {
        operations = operations == null ? Set.of() : Set.copyOf(operations);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static SyncHistoryFilter all() {
        return new SyncHistoryFilter(null, null, null, null, null);
    }

    public SyncHistoryFilter withStatuses(Set<SyncStatus> values) {
        return new SyncHistoryFilter(operations, values, entityType, from, to);
    }

    SqlBuilder toSql(SqlBuilder where) {
        String and = "";
        if (!operations.isEmpty()) {
            where.sql("h.operation_type IN ").inList(operations);
            and = " AND ";
        }
        if (!statuses.isEmpty()) {
            where.sql(and + "h.status IN ").inList(statuses);
            and = " AND ";
        }
        if (entityType != null) {
            where.sql(and + "h.entity_type = ?", entityType);
            and = " AND ";
        }
        if (from != null) {
            where.sql(and + "h.created_at >= ?", from);
            and = " AND ";
        }
        if (to != null) {
            where.sql(and + "h.created_at < ?", to);
        }
        return where;
    }
}
