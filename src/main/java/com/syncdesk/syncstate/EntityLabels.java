package com.syncdesk.syncstate;

import java.util.Locale;

import com.syncdesk.persistence.SqlBuilder;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;

/**
 * The human label of a synced entity, read from its local row: an issue's key, a sprint's or board's name, a
 * project's key. {@code sync_metadata.entity_id} holds the local row id as text; a state whose entity id is not
 * exactly such an id, or whose row is gone, has no label.
 */
public final class EntityLabels {

    private EntityLabels() {
    }

    /**
     * The label of the state aliased {@code state} as one SQL expression: a primary-key lookup in its entity's
     * table, cheap for the rows of a page (a filter over it would run one per row of the table, see docs/performance.md).
     */
    public static String expression(Vendor vendor, String state) {
        return "CASE " + state + ".entity_type"
                + " WHEN 'issue' THEN " + lookup(vendor, state, "issues", "issue_key")
                + " WHEN 'sprint' THEN " + lookup(vendor, state, "sprints", "name")
                + " WHEN 'board' THEN " + lookup(vendor, state, "boards", "name")
                + " WHEN 'project' THEN " + lookup(vendor, state, "projects", "project_key") + " END";
    }

    /**
     * Appends {@code OR} conditions matching the states aliased {@code state} whose label is {@code text}: an issue by
     * its exact key, any case (the unique index on the key finds it), a sprint, board or project whose name or key
     * contains it (those tables are small; each is read once per query, not once per state). A contains-match over
     * every issue key would read the issues table for every search.
     */
    public static SqlBuilder orLabelMatches(SqlBuilder where, String state, String text) {
        Vendor vendor = where.vendor();
        String like = SqlValues.likeOperator(vendor);
        String pattern = SqlValues.containsPattern(text);
        String id = "CAST(l.id AS " + (vendor == Vendor.SQLITE ? "TEXT" : "text") + ")";
        return where.sql(" OR " + state + ".entity_type = 'issue' AND " + state + ".entity_id IN (SELECT " + id
                        + " FROM issues l WHERE l.issue_key = ?)", text.strip().toUpperCase(Locale.ROOT))
                .sql(" OR " + state + ".entity_type = 'sprint' AND " + state + ".entity_id IN (SELECT " + id + " FROM sprints l WHERE l.name "
                        + like + " ? ESCAPE '\\')", pattern)
                .sql(" OR " + state + ".entity_type = 'board' AND " + state + ".entity_id IN (SELECT " + id + " FROM boards l WHERE l.name "
                        + like + " ? ESCAPE '\\')", pattern)
                .sql(" OR " + state + ".entity_type = 'project' AND " + state + ".entity_id IN (SELECT " + id + " FROM projects l WHERE "
                        + "l.project_key " + like + " ? ESCAPE '\\' OR l.name " + like + " ? ESCAPE '\\')", pattern, pattern);
    }

    private static String lookup(Vendor vendor, String state, String table, String column) {
        String entityId = state + ".entity_id";
        // PostgreSQL refuses to cast text that is no number; SQLite casts it to 0, which the text comparison rules out.
        String id = vendor == Vendor.SQLITE ? "CAST(" + entityId + " AS INTEGER)"
                : "CASE WHEN " + entityId + " ~ '^[0-9]{1,18}$' THEN CAST(" + entityId + " AS bigint) END";
        return "(SELECT l." + column + " FROM " + table + " l WHERE l.id = " + id + " AND CAST(l.id AS "
                + (vendor == Vendor.SQLITE ? "TEXT" : "text") + ") = " + entityId + ")";
    }
}
