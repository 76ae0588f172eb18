package com.syncdesk.audit;

import java.time.Instant;
import java.util.Set;

import com.syncdesk.persistence.SqlBuilder;

/** Which audit entries to list: since when, by whom, which actions. Nulls and empty sets mean "any". */
public record AuditFilter(Instant since, String operator, Set<String> actions) {

    public AuditFilter {
        operator = operator == null || operator.isBlank() ? null : operator.strip();
        actions = actions == null ? Set.of() : Set.copyOf(actions);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null);
    }

    public boolean isEmpty() {
        return equals(all());
    }

    /** Conditions on {@code audit_log a}; every value bound as a parameter. */
    SqlBuilder toSql(SqlBuilder where) {
        String and = "";
        if (since != null) {
            where.sql("a.at >= ?", since);
            and = " AND ";
        }
        if (operator != null) {
            where.sql(and + "a.operator = ?", operator);
            and = " AND ";
        }
        if (!actions.isEmpty()) {
            where.sql(and + "a.action IN ").inList(actions);
        }
        return where;
    }
}
