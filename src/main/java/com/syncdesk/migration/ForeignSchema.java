package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.syncdesk.migration.ForeignObject.Fate;
import com.syncdesk.migration.ForeignObject.Kind;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;

/**
 * What other clients added to the tables a downgrade changes, and undo scripts adapted to keep it:
 * a SQLite rebuild carries their columns (definitions as written) and recreates their indexes and
 * triggers; what cannot be kept (it names a column or table that goes) is reported, and what would
 * make the database refuse a step (a PostgreSQL view on a dropped column) refuses the downgrade first.
 */
final class ForeignSchema {

    private static final Pattern DROP_TABLE = Pattern.compile("^DROP TABLE (?:IF EXISTS )?\"?(\\w+)\"?$", Pattern.CASE_INSENSITIVE);

    /** The scripts to run and what they do to other clients' objects, in the order the steps meet them. */
    record Adapted(List<UndoScript> scripts, List<ForeignObject> objects) {

        Optional<DatabaseException> refusal(String where) {
            List<String> blockers = objects.stream().filter(o -> o.fate() == Fate.BLOCKS).map(ForeignObject::describe).toList();
            if (blockers.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new DatabaseException(Reason.BLOCKED_BY_OTHER_OBJECTS, "The downgrade of " + where
                    + " cannot run: " + String.join("; ", blockers) + ". Nothing was changed."));
        }
    }

    private record Column(String table, String name, String definition, boolean generated, long values) {
    }

    /** A foreign index, trigger or view, with the tables and "table.column" pairs it uses. */
    private record Dependent(Kind kind, String name, String table, String definition, Set<String> tables, Set<String> columns) {

        boolean usesAny(String table, Set<String> dropped) {
            return dropped.stream().anyMatch(column -> columns.contains(key(table) + "." + column));
        }
    }

    private final Database database;
    private final SchemaNames names;
    private final List<Column> columns = new ArrayList<>();
    private final List<Dependent> dependents = new ArrayList<>();
    private final List<ForeignObject> objects = new ArrayList<>();

    private ForeignSchema(Database database) {
        this.database = database;
        this.names = SchemaNames.of(database.vendor());
    }

    /** Reads the database as it is now and follows the scripts, newest first, through what they do to it. */
    static Adapted adapt(Database database, List<UndoScript> scripts) {
        ForeignSchema schema = new ForeignSchema(database);
        try (Connection connection = database.connection()) {
            if (database.vendor() == Vendor.SQLITE) {
                schema.readSqlite(connection);
            } else {
                schema.readPostgres(connection);
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
        List<UndoScript> adapted = scripts.stream().map(schema::follow).toList();
        return new Adapted(adapted, List.copyOf(schema.objects));
    }

    private UndoScript follow(UndoScript script) {
        boolean sqlite = database.vendor() == Vendor.SQLITE;
        List<SqliteRebuild> rebuilds = sqlite ? SqliteRebuild.in(script.statements()) : List.of();
        Set<String> rebuilt = rebuilds.stream().map(r -> key(r.table())).collect(Collectors.toSet());
        for (String statement : script.statements()) {
            Matcher drop = DROP_TABLE.matcher(statement.strip());
            if (drop.matches() && !rebuilt.contains(key(drop.group(1)))) {
                dropTable(script.version(), drop.group(1), sqlite);
            }
        }
        Map<String, Set<String>> droppedColumns = new LinkedHashMap<>();
        script.drops().stream().filter(d -> !d.isTable())
                .forEach(d -> droppedColumns.computeIfAbsent(key(d.table()), t -> new HashSet<>()).add(key(d.column())));
        List<String> statements = new ArrayList<>(script.statements());
        for (SqliteRebuild rebuild : rebuilds.reversed()) {
            carryThrough(script.version(), rebuild, droppedColumns.getOrDefault(key(rebuild.table()), Set.of()), statements);
        }
        droppedColumns.forEach((table, dropped) -> {
            if (!rebuilt.contains(table)) {
                dropColumns(script.version(), table, dropped, sqlite);
            }
        });
        return new UndoScript(script.version(), script.description(), script.resource(), List.copyOf(statements), script.drops(),
                script.derivedTables());
    }

    /** A table dropped for good takes other clients' columns, indexes and triggers with it; what else uses it breaks or blocks. */
    private void dropTable(int version, String table, boolean sqlite) {
        for (Column column : columnsOf(table)) {
            objects.add(new ForeignObject(version, Kind.COLUMN, column.name(), column.table(), Fate.DROPPED, column.values(), column.definition()));
            columns.remove(column);
        }
        for (Dependent dependent : List.copyOf(dependents)) {
            if (key(table).equals(key(dependent.table())) && dependent.kind() != Kind.VIEW) {
                record(version, dependent, table, Fate.DROPPED);
            } else if (dependent.tables().contains(key(table))) {
                record(version, dependent, table, sqlite ? Fate.BROKEN : Fate.BLOCKS);
            }
        }
    }

    /** Columns dropped in place, without a rebuild. */
    private void dropColumns(int version, String table, Set<String> dropped, boolean sqlite) {
        for (Dependent dependent : List.copyOf(dependents)) {
            if (!dependent.usesAny(table, dropped)) {
                continue;
            }
            // PostgreSQL drops an index with its column and refuses while anything else uses it; SQLite refuses while anything uses it.
            boolean ownIndex = key(table).equals(key(dependent.table())) && dependent.kind() == Kind.INDEX;
            record(version, dependent, table, !sqlite && ownIndex ? Fate.DROPPED : Fate.BLOCKS);
        }
    }

    /** Rewrites one rebuild so other clients' columns, indexes and triggers of the table survive it. */
    private void carryThrough(int version, SqliteRebuild rebuild, Set<String> dropped, List<String> statements) {
        String table = rebuild.table();
        List<Column> carried = columnsOf(table).stream().filter(c -> !dropped.contains(key(c.name()))).toList();
        statements.set(rebuild.create(), SqlDefinitions.withColumns(statements.get(rebuild.create()),
                carried.stream().map(Column::definition).toList()));
        statements.set(rebuild.insert(), SqliteRebuild.copyAlso(statements.get(rebuild.insert()),
                carried.stream().filter(c -> !c.generated()).map(Column::name).toList()));
        carried.forEach(c -> objects.add(new ForeignObject(version, Kind.COLUMN, c.name(), c.table(), Fate.KEPT, c.values(), c.definition())));
        List<String> recreated = new ArrayList<>();
        for (Dependent dependent : List.copyOf(dependents)) {
            boolean own = key(table).equals(key(dependent.table())) && dependent.kind() != Kind.VIEW;
            if (own && dependent.usesAny(table, dropped)) {
                record(version, dependent, table, Fate.DROPPED);
            } else if (own) {
                recreated.add(dependent.definition());
                objects.add(new ForeignObject(version, dependent.kind(), dependent.name(), table, Fate.KEPT, 0, dependent.definition()));
            } else if (dependent.usesAny(table, dropped)) {
                record(version, dependent, table, Fate.BROKEN);
            }
        }
        statements.addAll(rebuild.rename() + 1, recreated);
    }

    private void record(int version, Dependent dependent, String table, Fate fate) {
        objects.add(new ForeignObject(version, dependent.kind(), dependent.name(), table, fate, 0, dependent.definition()));
        if (fate != Fate.BLOCKS) {
            dependents.remove(dependent);
        }
    }

    private List<Column> columnsOf(String table) {
        return columns.stream().filter(c -> key(c.table()).equals(key(table))).toList();
    }

    private void readSqlite(Connection connection) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                     + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")) {
            List<String[]> others = new ArrayList<>();
            while (rows.next()) {
                String type = rows.getString(1);
                if (type.equals("table")) {
                    tables.put(rows.getString(2), rows.getString(4));
                } else {
                    others.add(new String[] {type, rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
            for (Map.Entry<String, String> table : tables.entrySet()) {
                if (names.isOwnTable(table.getKey())) {
                    readSqliteColumns(connection, table.getKey(), table.getValue());
                }
            }
            for (String[] other : others) {
                addSqliteDependent(connection, other[0], other[1], other[2], other[3], tables.keySet());
            }
        }
    }

    private void readSqliteColumns(Connection connection, String table, String createTable) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String item : SqlDefinitions.tableItems(createTable)) {
            if (!SqlDefinitions.isTableConstraint(item)) {
                definitions.put(key(SqlDefinitions.leadingName(item)), item);
            }
        }
        try (PreparedStatement info = connection.prepareStatement("SELECT name, type, hidden FROM pragma_table_xinfo(?)")) {
            info.setString(1, table);
            try (ResultSet rows = info.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    if (!names.isOwnColumn(table, column)) {
                        boolean generated = rows.getInt(3) >= 2;
                        String definition = definitions.getOrDefault(key(column), (SqlDefinitions.quoted(column) + " " + rows.getString(2)).strip());
                        columns.add(new Column(table, column, definition, generated,
                                generated ? 0 : countValues(connection, table, column)));
                    }
                }
            }
        }
    }

    private void addSqliteDependent(Connection connection, String type, String name, String table, String sql, Set<String> tables)
            throws SQLException {
        Kind kind = switch (type) {
            case "index" -> Kind.INDEX;
            case "trigger" -> Kind.TRIGGER;
            default -> Kind.VIEW;
        };
        boolean own = switch (kind) {
            case INDEX -> names.isOwnIndex(name);
            case TRIGGER -> names.isOwnTrigger(name);
            default -> names.isOwnView(name);
        };
        if (own) {
            return;
        }
        Set<String> used = new HashSet<>();
        Set<String> usedColumns = new HashSet<>();
        for (String candidate : tables) {
            if (key(candidate).equals(key(table)) || SqlDefinitions.mentions(sql, candidate)) {
                used.add(key(candidate));
                for (String column : sqliteColumnNames(connection, candidate)) {
                    if (SqlDefinitions.mentions(sql, column)) {
                        usedColumns.add(key(candidate) + "." + key(column));
                    }
                }
            }
        }
        dependents.add(new Dependent(kind, name, table, sql, used, usedColumns));
    }

    private static List<String> sqliteColumnNames(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement info = connection.prepareStatement("SELECT name FROM pragma_table_xinfo(?)")) {
            info.setString(1, table);
            try (ResultSet rows = info.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private void readPostgres(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                     + "pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                     + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                     + "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 "
                     + "AND NOT a.attisdropped ORDER BY c.relname, a.attnum")) {
            while (rows.next()) {
                String table = rows.getString(1);
                String column = rows.getString(2);
                if (names.isOwnTable(table) && !names.isOwnColumn(table, column)) {
                    String definition = SqlDefinitions.quoted(column) + " " + rows.getString(3) + (rows.getBoolean(4) ? " NOT NULL" : "")
                            + (rows.getString(5) == null ? "" : " DEFAULT " + rows.getString(5));
                    columns.add(new Column(table, column, definition, false, 0));
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            columns.set(i, new Column(column.table(), column.name(), column.definition(), false,
                    countValues(connection, column.table(), column.name())));
        }
        // What each index, trigger and view depends on, as PostgreSQL records it.
        String uses = "(SELECT string_agg(DISTINCT t.relname || '.' || coalesce(a.attname, ''), ',') FROM pg_depend d "
                + "JOIN pg_class t ON t.oid = d.refobjid LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
                + "WHERE d.classid = %s AND d.objid = %s AND d.refclassid = 'pg_class'::regclass)";
        readPostgresDependents(connection, Kind.INDEX, "SELECT i.relname, t.relname, pg_get_indexdef(i.oid), "
                + uses.formatted("'pg_class'::regclass", "i.oid") + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                + "JOIN pg_class t ON t.oid = x.indrelid WHERE t.relnamespace = current_schema()::regnamespace "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid AND k.contype IN ('p', 'u', 'x'))");
        readPostgresDependents(connection, Kind.TRIGGER, "SELECT g.tgname, t.relname, pg_get_triggerdef(g.oid), "
                + uses.formatted("'pg_trigger'::regclass", "g.oid") + " FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid "
                + "WHERE t.relnamespace = current_schema()::regnamespace AND NOT g.tgisinternal");
        readPostgresDependents(connection, Kind.VIEW, "SELECT v.relname, NULL, 'CREATE VIEW ' || quote_ident(v.relname) || ' AS ' "
                + "|| pg_get_viewdef(v.oid), " + uses.formatted("'pg_rewrite'::regclass", "r.oid") + " FROM pg_class v "
                + "JOIN pg_rewrite r ON r.ev_class = v.oid WHERE v.relnamespace = current_schema()::regnamespace AND v.relkind IN ('v', 'm')");
    }

    private void readPostgresDependents(Connection connection, Kind kind, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                String name = rows.getString(1);
                boolean own = switch (kind) {
                    case INDEX -> names.isOwnIndex(name);
                    case TRIGGER -> names.isOwnTrigger(name);
                    default -> names.isOwnView(name);
                };
                if (own) {
                    continue;
                }
                Set<String> tables = new HashSet<>();
                Set<String> usedColumns = new HashSet<>();
                String table = rows.getString(2);
                if (table != null) {
                    tables.add(key(table));
                }
                for (String use : rows.getString(4) == null ? new String[0] : rows.getString(4).split(",")) {
                    int dot = use.indexOf('.');
                    tables.add(key(use.substring(0, dot)));
                    if (dot < use.length() - 1) {
                        usedColumns.add(key(use));
                    }
                }
                dependents.add(new Dependent(kind, name, table, rows.getString(3), tables, usedColumns));
            }
        }
    }

    private static long countValues(Connection connection, String table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(" + SqlDefinitions.quoted(column) + ") FROM " + SqlDefinitions.quoted(table))) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
