package com.syncdesk.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;

/**
 * A comparable description of a schema: tables with their columns (type, nullability, default, in
 * order), check constraints, indexes, foreign keys, triggers and functions. Bookkeeping tables
 * (schema history, undo log) are left out.
 */
public final class SchemaSnapshot {

    private static final Set<String> BOOKKEEPING = Set.of("flyway_schema_history", "syncdesk_undo_log");
    private static final Pattern CHECK = Pattern.compile("CONSTRAINT\\s+(\\w+)\\s+CHECK\\s*\\(", Pattern.CASE_INSENSITIVE);

    private SchemaSnapshot() {
    }

    public static List<String> capture(Database database) {
        try (Connection connection = database.connection()) {
            return database.vendor() == Vendor.SQLITE ? sqlite(connection) : postgres(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Set<String> tables(Database database) {
        Set<String> tables = new TreeSet<>();
        for (String line : capture(database)) {
            if (line.startsWith("table ")) {
                tables.add(line.substring(6));
            }
        }
        return tables;
    }

    private static List<String> sqlite(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String table : query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            if (BOOKKEEPING.contains(table)) {
                continue;
            }
            lines.add("table " + table);
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_xinfo(" + table + ")")) {
                while (rs.next()) {
                    lines.add(table + " column " + rs.getString("name") + " " + rs.getString("type").toUpperCase()
                            + (rs.getInt("notnull") == 1 ? " NOT NULL" : "") + " default=" + rs.getString("dflt_value")
                            + (rs.getInt("pk") > 0 ? " PK" : ""));
                }
            }
            String sql = query(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'").getFirst();
            Set<String> checks = new TreeSet<>();
            Matcher m = CHECK.matcher(sql);
            while (m.find()) {
                checks.add(table + " check " + m.group(1) + " " + balanced(sql, m.end() - 1).replaceAll("\\s+", " "));
            }
            lines.addAll(checks);
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
                while (rs.next()) {
                    lines.add(table + " fk " + rs.getString("from") + " -> " + rs.getString("table") + "(" + rs.getString("to")
                            + ") on delete " + rs.getString("on_delete"));
                }
            }
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA index_list(" + table + ")")) {
                List<String[]> indexes = new ArrayList<>();
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString("name"), rs.getString("unique"), rs.getString("origin")});
                }
                Set<String> described = new TreeSet<>();
                for (String[] index : indexes) {
                    List<String> columns = query(connection, "SELECT name FROM pragma_index_info('" + index[0] + "') ORDER BY seqno");
                    String name = index[0].startsWith("sqlite_autoindex") ? "(auto)" : index[0];
                    described.add(table + " index " + name + (index[1].equals("1") ? " unique " : " ") + columns);
                }
                lines.addAll(described);
            }
        }
        lines.addAll(query(connection, "SELECT 'trigger ' || name || ' on ' || tbl_name || ' ' || sql FROM sqlite_master "
                + "WHERE type = 'trigger' ORDER BY name"));
        return lines;
    }

    /** The schema the connection works in (its current schema), whatever its name. */
    private static List<String> postgres(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String table : query(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            if (BOOKKEEPING.contains(table)) {
                continue;
            }
            lines.add("table " + table);
            lines.addAll(query(connection, "SELECT '" + table + " column ' || column_name || ' ' || data_type "
                    + "|| coalesce('(' || character_maximum_length || ')', '') || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '') "
                    + "|| CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END || ' default=' || coalesce(column_default, 'null') "
                    + "|| ' identity=' || is_identity FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND table_name = '" + table + "' ORDER BY ordinal_position"));
            lines.addAll(query(connection, "SELECT '" + table + " constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = format('%I.%I', current_schema(), '" + table + "')::regclass ORDER BY conname"));
            lines.addAll(query(connection, "SELECT '" + table + " index ' || indexdef FROM pg_indexes "
                    + "WHERE schemaname = current_schema() AND tablename = '" + table + "' ORDER BY indexname"));
        }
        lines.addAll(query(connection, "SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY t.tgname"));
        // A function's settings (V11's pinned search_path) are part of what it does.
        lines.addAll(query(connection, "SELECT 'function ' || p.proname || ' ' || md5(p.prosrc) || ' ' || coalesce(array_to_string(p.proconfig, ' '), '') "
                + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() ORDER BY p.proname"));
        return lines;
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

    private static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
