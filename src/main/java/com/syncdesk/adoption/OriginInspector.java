package com.syncdesk.adoption;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;

/**
 * Tells a database of the original system (sprint-reports) by its {@code alembic_version} row and its
 * schema, and compares that schema with the one revision 008 creates. Reads only; a SQLite file is never
 * one (the original ran on PostgreSQL only).
 */
public final class OriginInspector {

    /** Tables of SyncDesk's own schema (every version and its bookkeeping): one of these already present cannot be created by adopt. */
    static final Set<String> SYNCDESK_TABLES = Set.of("projects", "boards", "sprints", "issues", "operators", "sync_metadata",
            "conflict_resolutions", "sync_history", "audit_log", "sync_state_counts", "sync_duration_counts", "sync_error_counts",
            "jira_connection", "jira_sync_scope", "sync_snapshots", "flyway_schema_history", "syncdesk_undo_log");

    private OriginInspector() {
    }

    public static Recognition inspect(Database database) {
        String where = database.target().describe();
        if (database.vendor() != Vendor.POSTGRESQL) {
            return Recognition.notSprintReports(where);
        }
        return database.read(connection -> inspect(connection, where));
    }

    /**
     * The refusal for a sprint-reports database someone gave a Flyway baseline by hand: it still holds the original's
     * values in native enum types, on which SyncDesk's migrations fail half-way. Empty for every other database.
     */
    public static Optional<DatabaseException> handMadeBaseline(Database database, SchemaStatus status) {
        Optional<MigrationEntry> baseline = status.baseline().filter(b -> !AdoptionPlan.isAdoption(b));
        if (baseline.isEmpty() || database.vendor() != Vendor.POSTGRESQL
                || !database.read(connection -> hasTable(connection, OriginSchema.VERSION_TABLE) && hasEnum(connection, OriginSchema.ENUM_TYPES.getFirst()))) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseException(Reason.FOREIGN_SCHEMA, database.target().describe() + " is a sprint-reports database given a "
                + "Flyway baseline at version " + baseline.get().version() + " by hand: its values are still the original's (native enum types), "
                + "on which SyncDesk's migrations fail. Drop its " + MigrationService.HISTORY_TABLE + " table (it holds only that baseline), "
                + "then run adopt. Nothing was changed."));
    }

    private static boolean hasEnum(Connection connection, String type) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_type WHERE typname = ? AND typtype = 'e' "
                + "AND typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())")) {
            query.setString(1, type);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    static Recognition inspect(Connection connection, String where) throws SQLException {
        if (!hasTable(connection, OriginSchema.VERSION_TABLE)) {
            return Recognition.notSprintReports(where);
        }
        List<String> revisions = revisions(connection);
        List<String> shape = SchemaShape.of(connection);
        boolean sprintReports = revisions.stream().anyMatch(OriginSchema.KNOWN_REVISIONS::contains)
                || (shape.contains("table sprints") && shape.contains("table users"));
        if (!sprintReports) {
            return Recognition.notSprintReports(where);
        }
        String revision = revisions.isEmpty() ? null : String.join(", ", revisions);
        List<String> differences = differences(OriginSchema.shape(), shape);
        Recognition.Kind kind = !OriginSchema.REVISION.equals(revision) ? Recognition.Kind.OTHER_REVISION
                : differences.isEmpty() ? Recognition.Kind.ADOPTABLE : Recognition.Kind.DIFFERENT_SCHEMA;
        return new Recognition(kind, where, revision, differences);
    }

    /**
     * What the actual schema lacks and what it has beyond the expected one, in words. A line on both
     * sides under the same name (a column of another type, say) is one difference.
     */
    static List<String> differences(List<String> expected, List<String> actual) {
        Map<String, String> missing = byName(expected, actual);
        Map<String, String> extra = byName(actual, expected);
        // A table missing or added as a whole is one difference, not one per column, constraint and index.
        withoutPartsOfWholeTables(missing);
        withoutPartsOfWholeTables(extra);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> line : missing.entrySet()) {
            String instead = extra.remove(line.getKey());
            differences.add(instead == null ? "missing " + line.getValue()
                    : instead + " where " + OriginSchema.REVISION + " has " + line.getValue().substring(line.getKey().length()).strip());
        }
        for (String line : extra.values()) {
            differences.add(line + " is not part of " + OriginSchema.REVISION + (isSyncDeskTable(line) ? " (SyncDesk's schema has a table "
                    + "of that name, which adopt would have to create)" : ""));
        }
        return differences;
    }

    private static void withoutPartsOfWholeTables(Map<String, String> lines) {
        List<String> tables = lines.keySet().stream().filter(key -> key.startsWith("table ")).map(key -> key.substring("table ".length())).toList();
        lines.keySet().removeIf(key -> {
            String name = key.substring(key.indexOf(' ') + 1);
            return !key.startsWith("table ") && tables.stream().anyMatch(table -> name.startsWith(table + ".")
                    || (key.startsWith("sequence ") && name.startsWith(table + "_")));
        });
    }

    /** The lines of {@code from} that {@code other} lacks, keyed by kind and name ("column sprints.name"). */
    private static Map<String, String> byName(List<String> from, List<String> other) {
        Set<String> others = new TreeSet<>(other);
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : from) {
            if (!others.contains(line)) {
                int second = line.indexOf(' ', line.indexOf(' ') + 1);
                lines.put(second < 0 ? line : line.substring(0, second), line);
            }
        }
        return lines;
    }

    private static boolean isSyncDeskTable(String line) {
        return line.startsWith("table ") && SYNCDESK_TABLES.contains(line.substring("table ".length()));
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_class WHERE relname = ? AND relkind IN ('r', 'p') "
                + "AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static List<String> revisions(Connection connection) throws SQLException {
        List<String> revisions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version_num FROM " + OriginSchema.VERSION_TABLE + " ORDER BY version_num")) {
            while (rows.next()) {
                revisions.add(rows.getString(1));
            }
        }
        return revisions;
    }
}
