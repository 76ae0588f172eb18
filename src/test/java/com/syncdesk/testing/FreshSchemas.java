package com.syncdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;

/** The schema a fresh database has at each version, built once per vendor and version, to compare migrated databases against. */
public final class FreshSchemas {

    private static final Map<String, List<String>> SNAPSHOTS = new ConcurrentHashMap<>();
    private static final Pattern COLUMN = Pattern.compile("^(\\w+) column (\\w+) ");

    private FreshSchemas() {
    }

    public static List<String> at(Vendor vendor, int version) {
        return SNAPSHOTS.computeIfAbsent(vendor + "@" + version, key -> build(vendor, version));
    }

    private static List<String> build(Vendor vendor, int version) {
        try {
            Path dir = Files.createTempDirectory("fresh-schema");
            ConnectionTarget target = vendor == Vendor.SQLITE ? ConnectionTarget.sqlite(dir.resolve("fresh.db")) : TestPostgres.freshDatabase();
            try (Database database = Database.open(target)) {
                if (version > 0) {
                    new MigrationService(database, "fresh").upgrade(version, MigrationProgress.NONE);
                }
                return SchemaSnapshot.capture(database);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Table name to its columns, in order, in a fresh database at {@code version}. */
    /** The columns of the tables that hold records (with an id), leaving out V10's derived count tables. */
    public static Map<String, List<String>> recordColumnsAt(Vendor vendor, int version) {
        Map<String, List<String>> columns = columnsAt(vendor, version);
        columns.values().removeIf(list -> !list.contains("id"));
        return columns;
    }

    public static Map<String, List<String>> columnsAt(Vendor vendor, int version) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String line : at(vendor, version)) {
            Matcher m = COLUMN.matcher(line);
            if (m.find()) {
                columns.computeIfAbsent(m.group(1), t -> new ArrayList<>()).add(m.group(2));
            }
        }
        return columns;
    }

    /** The rows of the given tables and columns, ordered by their key, as text. */
    public static Map<String, List<String>> dump(Database database, Map<String, List<String>> columns) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Connection connection = database.connection()) {
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                dump.put(table.getKey(), TableDump.rows(connection,
                        "SELECT " + String.join(", ", table.getValue()) + " FROM " + table.getKey() + " ORDER BY "
                        + TableDump.KEYS.getOrDefault(table.getKey(), "id")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump;
    }
}
