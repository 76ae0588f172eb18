package com.syncdesk.migration;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.syncdesk.persistence.Vendor;

/**
 * Every table, column, index, trigger and view SyncDesk's own scripts (upgrades and undos) ever define
 * for a vendor, read from the scripts. Anything else in a database is another client's.
 */
final class SchemaNames {

    private static final String NAME = "\"?(\\w+)\"?";
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE TABLE (?:IF NOT EXISTS )?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER TABLE (?:ONLY )?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN = Pattern.compile("\\bADD COLUMN (?:IF NOT EXISTS )?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_OTHER = Pattern.compile(
            "^CREATE (?:OR REPLACE )?(?:UNIQUE )?(INDEX|TRIGGER|VIEW) (?:IF NOT EXISTS )?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Map<Vendor, SchemaNames> CACHE = new EnumMap<>(Vendor.class);

    private final Map<String, Set<String>> columns = new HashMap<>();
    private final Set<String> indexes = new HashSet<>();
    private final Set<String> triggers = new HashSet<>();
    private final Set<String> views = new HashSet<>();

    private SchemaNames() {
    }

    static synchronized SchemaNames of(Vendor vendor) {
        return CACHE.computeIfAbsent(vendor, SchemaNames::read);
    }

    boolean isOwnTable(String table) {
        return columns.containsKey(key(table));
    }

    boolean isOwnColumn(String table, String column) {
        return columns.getOrDefault(key(table), Set.of()).contains(key(column));
    }

    boolean isOwnIndex(String name) {
        return indexes.contains(key(name));
    }

    boolean isOwnTrigger(String name) {
        return triggers.contains(key(name));
    }

    boolean isOwnView(String name) {
        return views.contains(key(name));
    }

    private static SchemaNames read(Vendor vendor) {
        SchemaNames names = new SchemaNames();
        for (MigrationCatalog.Script script : MigrationCatalog.scripts(vendor)) {
            names.addAll(MigrationCatalog.upgradeStatements(vendor, script.version()));
            names.addAll(MigrationCatalog.undoScript(vendor, script.version(), script.description()).statements());
        }
        return names;
    }

    private void addAll(List<String> statements) {
        for (String statement : statements) {
            add(statement.strip());
        }
    }

    private void add(String statement) {
        Matcher table = CREATE_TABLE.matcher(statement);
        if (table.find()) {
            Set<String> own = columns.computeIfAbsent(key(table.group(1)), t -> new HashSet<>());
            for (String item : SqlDefinitions.tableItems(statement)) {
                if (!SqlDefinitions.isTableConstraint(item)) {
                    own.add(key(SqlDefinitions.leadingName(item)));
                }
            }
            return;
        }
        Matcher altered = ALTER_TABLE.matcher(statement);
        if (altered.find()) {
            Set<String> own = columns.computeIfAbsent(key(altered.group(1)), t -> new HashSet<>());
            Matcher added = ADD_COLUMN.matcher(statement);
            while (added.find()) {
                own.add(key(added.group(1)));
            }
            return;
        }
        Matcher other = CREATE_OTHER.matcher(statement);
        if (other.find()) {
            String name = key(other.group(2));
            switch (other.group(1).toUpperCase(Locale.ROOT)) {
                case "INDEX" -> indexes.add(name);
                case "TRIGGER" -> triggers.add(name);
                default -> views.add(name);
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
