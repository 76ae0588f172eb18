package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.syncdesk.migration.SchemaObject.Kind;

/**
 * Reads the tables, columns (type, nullability, default), constraints, indexes, triggers and functions of one
 * schema from the database's catalog, in a form two schemas of different names can be compared in. Schema
 * history and undo log are bookkeeping, not part of the schema, and are left out.
 */
final class SchemaCapture {

    /** Stands for the schema's own name (as a literal's text) in a function's definition, so the reference's definition fits the live schema. */
    static final String SCHEMA_MARK = "<schema>";
    private static final Set<String> BOOKKEEPING = Set.of(SchemaHistory.HISTORY_TABLE, SchemaHistory.UNDO_LOG_TABLE);
    private static final Pattern NAMED_CHECK = Pattern.compile("CONSTRAINT\\s+(\\w+)\\s+CHECK\\s*\\(", Pattern.CASE_INSENSITIVE);

    private SchemaCapture() {
    }

    /** SQLite: the objects of the connection's main database. */
    static Map<String, SchemaObject> sqlite(Connection connection) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        Map<String, String> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rows.next()) {
                if (!BOOKKEEPING.contains(rows.getString(1))) {
                    tables.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        for (Map.Entry<String, String> table : tables.entrySet()) {
            String name = table.getKey();
            objects.add(new SchemaObject(Kind.TABLE, name, name, "table", null));
            try (PreparedStatement query = connection.prepareStatement("SELECT name, upper(type), \"notnull\", dflt_value, pk FROM pragma_table_xinfo(?)")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String definition = rows.getString(2) + (rows.getInt(3) == 1 ? " NOT NULL" : "")
                                + (rows.getString(4) == null ? "" : " DEFAULT " + rows.getString(4)) + (rows.getInt(5) > 0 ? " PRIMARY KEY" : "");
                        objects.add(new SchemaObject(Kind.COLUMN, name, rows.getString(1), definition, null));
                    }
                }
            }
            // SQLite cannot add a constraint to an existing table: constraints are compared, never recreated.
            Matcher check = NAMED_CHECK.matcher(table.getValue());
            while (check.find()) {
                objects.add(new SchemaObject(Kind.CONSTRAINT, name, check.group(1), "CHECK " + spaced(balanced(table.getValue(), check.end() - 1)), null));
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?)")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        objects.add(new SchemaObject(Kind.CONSTRAINT, name, "(" + rows.getString(1) + ")", "FOREIGN KEY (" + rows.getString(1)
                                + ") REFERENCES " + rows.getString(2) + "(" + rows.getString(3) + ") ON DELETE " + rows.getString(4), null));
                    }
                }
            }
        }
        // Indexes SQLite makes for a UNIQUE or PRIMARY KEY clause have no SQL: they are part of their table.
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, tbl_name, name, sql FROM sqlite_master "
                     + "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name")) {
            while (rows.next()) {
                if (BOOKKEEPING.contains(rows.getString(2))) {
                    continue;
                }
                Kind kind = rows.getString(1).equals("index") ? Kind.INDEX : Kind.TRIGGER;
                objects.add(new SchemaObject(kind, rows.getString(2), rows.getString(3), spaced(rows.getString(4)), rows.getString(4)));
            }
        }
        return byKey(objects);
    }

    /**
     * PostgreSQL: the objects of {@code schema}, which must be on the connection's search_path (the catalog's
     * functions then name its objects without the schema). Table names in index and trigger definitions lose the
     * schema too, so each definition creates its object in whichever schema the connection works in.
     */
    static Map<String, SchemaObject> postgres(Connection connection, String schema) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        for (List<String> row : rows(connection, schema, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p')")) {
            objects.add(new SchemaObject(Kind.TABLE, row.get(0), row.get(0), "table", null));
        }
        for (List<String> row : rows(connection, schema, "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
                + "|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') "
                + "|| CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped")) {
            objects.add(new SchemaObject(Kind.COLUMN, row.get(0), row.get(1), row.get(2), null));
        }
        // NOT NULL constraints (PostgreSQL 18 keeps them in pg_constraint too) are compared with their columns.
        for (List<String> row : rows(connection, schema, "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) "
                + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND k.contype IN ('c', 'f', 'p', 'u', 'x')")) {
            objects.add(new SchemaObject(Kind.CONSTRAINT, row.get(0), row.get(1), row.get(2),
                    "ALTER TABLE " + row.get(0) + " ADD CONSTRAINT " + row.get(1) + " " + row.get(2)));
        }
        // Indexes behind a primary key or unique constraint come and go with it.
        for (List<String> row : rows(connection, schema, "SELECT c.relname, i.relname, "
                + "replace(pg_get_indexdef(x.indexrelid), ' ON ' || quote_ident(n.nspname) || '.', ' ON ') "
                + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                + "WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))")) {
            objects.add(new SchemaObject(Kind.INDEX, row.get(0), row.get(1), row.get(2), row.get(2)));
        }
        for (List<String> row : rows(connection, schema, "SELECT c.relname, t.tgname, "
                + "replace(pg_get_triggerdef(t.oid), ' ON ' || quote_ident(n.nspname) || '.', ' ON '), CASE WHEN t.tgenabled = 'D' THEN ' (disabled)' ELSE '' END "
                + "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND NOT t.tgisinternal")) {
            objects.add(new SchemaObject(Kind.TRIGGER, row.get(0), row.get(1), row.get(2) + row.get(3), row.get(2)));
        }
        for (List<String> row : rows(connection, schema, "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
                + "l.lanname || ' RETURNS ' || pg_get_function_result(p.oid) || ' ' || md5(p.prosrc) || CASE WHEN p.prosecdef THEN ' SECURITY DEFINER' ELSE '' END, "
                + "coalesce(array_to_string(p.proconfig, E'\\n'), ''), pg_get_functiondef(p.oid), quote_ident(n.nspname) "
                + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang "
                + "WHERE n.nspname = ? AND p.prokind = 'f'")) {
            String quotedSchema = row.get(4);
            String settings = row.get(2).lines().map(setting -> withoutSchemaName(setting, quotedSchema)).collect(Collectors.joining("; "));
            // The definition names the function with its schema, and its pinned search_path lists the schema's name as a literal.
            String ddl = row.get(3).replace("FUNCTION " + quotedSchema + ".", "FUNCTION ")
                    .replace("'" + schema.replace("'", "''") + "'", "'" + SCHEMA_MARK + "'");
            objects.add(new SchemaObject(Kind.FUNCTION, "", row.get(0), row.get(1) + (settings.isEmpty() ? "" : " SET " + settings), ddl));
        }
        objects.removeIf(object -> BOOKKEEPING.contains(object.table()));
        return byKey(objects);
    }

    /** A function's pinned search_path names its own schema; "search_path=<schema>, pg_temp" compares across schemas. */
    private static String withoutSchemaName(String setting, String quotedSchema) {
        if (!setting.startsWith("search_path=")) {
            return setting;
        }
        return "search_path=" + List.of(setting.substring("search_path=".length()).split(",\\s*")).stream()
                .map(element -> element.equals(quotedSchema) ? SCHEMA_MARK : element).collect(Collectors.joining(", "));
    }

    private static List<List<String>> rows(Connection connection, String schema, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Map<String, SchemaObject> byKey(List<SchemaObject> objects) {
        Map<String, SchemaObject> byKey = new LinkedHashMap<>();
        objects.forEach(object -> byKey.put(object.key(), object));
        return byKey;
    }

    /** SQL with its layout collapsed: the same statement written on one line or several compares equal. */
    private static String spaced(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    private static String balanced(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            if (sql.charAt(i) == '(') {
                depth++;
            } else if (sql.charAt(i) == ')' && --depth == 0) {
                return sql.substring(open, i + 1);
            }
        }
        return sql.substring(open);
    }
}
