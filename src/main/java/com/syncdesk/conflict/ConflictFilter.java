package com.syncdesk.conflict;

import java.util.Set;

import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.syncstate.EntityLabels;
import com.syncdesk.syncstate.EntityType;

/** Which waiting conflicts to list or resolve in bulk: by entity type and free text over entity id, JIRA id and field. */
public record ConflictFilter(Set<EntityType> types, String text) {

    public ConflictFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static ConflictFilter all() {
        return new ConflictFilter(null, null);
    }

    /** Conditions on {@code sync_metadata s} for states with open conflicts that match. */
    SqlBuilder toSql(SqlBuilder where) {
        where.sql("EXISTS (SELECT 1 FROM conflict_resolutions c WHERE c.sync_metadata_id = s.id AND c.is_resolved = ?", false);
        if (text != null) {
            String like = SqlValues.likeOperator(where.vendor());
            String pattern = SqlValues.containsPattern(text);
            where.sql(" AND (s.entity_id " + like + " ? ESCAPE '\\' OR s.jira_id " + like + " ? ESCAPE '\\' OR c.field_name "
                    + like + " ? ESCAPE '\\'", pattern, pattern, pattern);
            EntityLabels.orLabelMatches(where, "s", text).sql(")");
        }
        where.sql(")");
        if (!types.isEmpty()) {
            where.sql(" AND s.entity_type IN ").inList(types);
        }
        return where;
    }
}
