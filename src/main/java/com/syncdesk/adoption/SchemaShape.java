package com.syncdesk.adoption;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;

/**
 * The shape of a PostgreSQL schema (the connection's current one) as sorted lines: tables, views and
 * sequences; columns with type, nullability and default; constraints; indexes with their columns; enum
 * types with their labels; functions and triggers. Check constraints are compared by name only, since
 * servers of different versions print the same expression differently. Objects of extensions are left out.
 * Reads only.
 */
final class SchemaShape {

    private static final String SCHEMA = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())";
    private static final String NOT_FROM_AN_EXTENSION = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %s AND d.deptype = 'e')";

    private static final List<String> QUERIES = List.of(
            "SELECT CASE WHEN c.relkind IN ('r', 'p', 'f') THEN 'table ' WHEN c.relkind IN ('v', 'm') THEN 'view ' ELSE 'sequence ' END || c.relname "
                    + "FROM pg_class c WHERE c.relnamespace = " + SCHEMA + " AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND "
                    + NOT_FROM_AN_EXTENSION.formatted("c.oid"),
            "SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) "
                    + "|| CASE WHEN a.attnotnull THEN ' not null' ELSE '' END || CASE WHEN a.attidentity <> '' THEN ' identity' ELSE '' END "
                    + "|| coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') "
                    + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                    + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    + "WHERE c.relnamespace = " + SCHEMA + " AND c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped AND "
                    + NOT_FROM_AN_EXTENSION.formatted("c.oid"),
            // contype 'n': the NOT NULL constraints PostgreSQL 18 lists; nullability is on the column line already.
            "SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || CASE k.contype WHEN 'c' THEN 'check' "
                    + "ELSE pg_get_constraintdef(k.oid) END "
                    + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                    + "WHERE c.relnamespace = " + SCHEMA + " AND k.contype <> 'n' AND " + NOT_FROM_AN_EXTENSION.formatted("c.oid"),
            "SELECT 'index ' || t.relname || '.' || i.relname || CASE WHEN x.indisunique THEN ' unique ' ELSE ' ' END || m.amname || ' ('"
                    + " || (SELECT string_agg(pg_get_indexdef(x.indexrelid, k, true), ', ' ORDER BY k) FROM generate_series(1, x.indnkeyatts) k)"
                    + " || ')' || coalesce(' where ' || pg_get_expr(x.indpred, x.indrelid, true), '') "
                    + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                    + "JOIN pg_am m ON m.oid = i.relam WHERE t.relnamespace = " + SCHEMA + " AND " + NOT_FROM_AN_EXTENSION.formatted("t.oid"),
            "SELECT 'enum ' || t.typname || ' (' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) || ')' "
                    + "FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = " + SCHEMA + " AND "
                    + NOT_FROM_AN_EXTENSION.formatted("t.oid") + " GROUP BY t.typname",
            "SELECT 'domain ' || t.typname || ' ' || format_type(t.typbasetype, t.typtypmod) FROM pg_type t "
                    + "WHERE t.typnamespace = " + SCHEMA + " AND t.typtype = 'd' AND " + NOT_FROM_AN_EXTENSION.formatted("t.oid"),
            "SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' FROM pg_proc p "
                    + "WHERE p.pronamespace = " + SCHEMA + " AND " + NOT_FROM_AN_EXTENSION.formatted("p.oid"),
            "SELECT 'trigger ' || c.relname || '.' || g.tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
                    + "WHERE c.relnamespace = " + SCHEMA + " AND NOT g.tgisinternal");

    private SchemaShape() {
    }

    static List<String> of(Connection connection) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        }
        return List.copyOf(lines);
    }
}
