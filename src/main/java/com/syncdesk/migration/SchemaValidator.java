package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.flywaydb.core.api.output.ValidateResult;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.DashboardCounts;

/**
 * Checks a database against what this SyncDesk's scripts promise: the file's pages, the history, the schema's
 * objects (against a fresh schema at the same version) and the derived counts; repair mends what SyncDesk owns.
 */
final class SchemaValidator {

    private final Database database;
    private final SchemaHistory history;
    private final SchemaGuard guard;

    SchemaValidator(Database database, SchemaHistory history, SchemaGuard guard) {
        this.database = database;
        this.history = history;
        this.guard = guard;
    }

    /** What does not match this SyncDesk, and what another client added, in words. Reads only. */
    Validation validate() {
        List<String> damage = damage();
        if (!damage.isEmpty()) {
            return new Validation(damage, List.of());
        }
        SchemaStatus status = history.status();
        guard.refuseUnmanaged(status);
        List<String> problems = new ArrayList<>();
        ValidateResult result = history.validate();
        if (!result.validationSuccessful) {
            result.invalidMigrations.forEach(m -> problems.add("Version " + m.version + ": " + m.errorDetails.errorMessage));
            if (problems.isEmpty() && result.errorDetails != null) {
                problems.add(result.errorDetails.errorMessage);
            }
        }
        if (status.isNewerThanApp()) {
            problems.add(SchemaWords.newerRefusal(status, database.target().describe()).getMessage());
            return new Validation(problems, List.of());
        }
        int version = versionInSchema(status);
        if (version == 0) {
            return new Validation(problems, List.of());
        }
        SchemaComparison comparison = compareWithAFreshSchema(version);
        problems.addAll(comparison.problems());
        if (version >= DashboardCounts.SINCE_VERSION && comparison.tablesAndColumnsIntact()) {
            int drift = database.read(DashboardCounts::drift);
            if (drift > 0) {
                problems.add("The dashboard's counts differ from the sync states in " + drift + " figures (states were written with "
                        + "the counting triggers off or missing); repair recounts them.");
            }
        }
        return new Validation(problems, comparison.notes());
    }

    /** The newest version whose changes are in the schema; a failed version's are not (its step was rolled back). */
    private static int versionInSchema(SchemaStatus status) {
        return status.inSchemaNewestFirst().stream().mapToInt(MigrationEntry::version).findFirst().orElse(0);
    }

    /** The live schema against a fresh one at {@code version}, built by this SyncDesk's own scripts. */
    private SchemaComparison compareWithAFreshSchema(int version) {
        Map<String, SchemaObject> reference = ReferenceSchema.at(database, version);
        Map<String, SchemaObject> live = database.read(connection -> database.vendor() == Vendor.SQLITE
                ? SchemaCapture.sqlite(connection) : SchemaCapture.postgres(connection, connection.getSchema()));
        return SchemaComparison.of(reference, live);
    }

    /**
     * SQLite only: what {@code PRAGMA quick_check} finds wrong with the file's pages and indexes, in
     * words; empty when the file is sound. Reads only.
     */
    List<String> damage() {
        if (database.vendor() != Vendor.SQLITE) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA quick_check(20)")) {
            while (rows.next()) {
                // One row may carry several findings, one per line, under a "*** in database main ***" heading.
                rows.getString(1).lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.equalsIgnoreCase("ok") && !line.startsWith("***"))
                        .forEach(findings::add);
            }
        } catch (SQLException e) {
            DatabaseException translated = DatabaseErrors.translate(e, database.target());
            if (translated.reason() != Reason.CORRUPT) {
                throw translated;
            }
            findings.add(DatabaseErrors.deepestMessage(e));
        }
        if (findings.isEmpty()) {
            return List.of();
        }
        return List.of(database.target().describe() + " is damaged: SQLite's integrity check reports " + (findings.size() >= 20 ? "20 or more" : findings.size())
                + " problem(s), the first: " + findings.getFirst() + ". Restore it from a backup; SyncDesk has not changed it.");
    }

    /**
     * Recreates SyncDesk's indexes, triggers, functions (and on PostgreSQL constraints) that are missing or changed,
     * from a fresh schema's definitions, and recounts the dashboard's counts, in one transaction; then removes failed
     * history entries and realigns checksums. Everything is checked before the first change: the role's privileges,
     * and that the rows allow it (a unique index cannot come back over duplicates written while it was missing).
     */
    RepairReport repair(SchemaStatus status) {
        guard.refuseUnmanaged(status);
        Privileges privileges = Privileges.of(database);
        privileges.refuseUnless(Work.REPAIR);
        int version = versionInSchema(status);
        if (version == 0) {
            history.repair();
            return new RepairReport(List.of(), List.of(), false);
        }
        SchemaComparison comparison = compareWithAFreshSchema(version);
        List<SchemaComparison.Difference> repairs = comparison.repairable();
        privileges.refuseUnlessOwner(repairs.stream().map(d -> d.expected().table()).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new)), "recreate SyncDesk's indexes, triggers and constraints");
        boolean recount = version >= DashboardCounts.SINCE_VERSION && comparison.tablesAndColumnsIntact();
        String schema = database.vendor() == Vendor.SQLITE ? "" : database.read(Connection::getSchema);
        database.inTransaction(connection -> {
            for (SchemaComparison.Difference repair : repairs) {
                recreate(connection, repair, schema);
            }
            if (recount) {
                DashboardCounts.recount(connection);
            }
            return null;
        });
        history.repair();
        return new RepairReport(repairs.stream().map(d -> d.expected().describe()).toList(), comparison.unrepairable(), recount);
    }

    private void recreate(Connection connection, SchemaComparison.Difference repair, String schema) throws SQLException {
        SchemaObject object = repair.expected();
        try (Statement statement = connection.createStatement()) {
            if (repair.type() == SchemaComparison.Type.CHANGED) {
                switch (object.kind()) {
                    case INDEX -> statement.execute("DROP INDEX " + object.name());
                    case TRIGGER -> statement.execute("DROP TRIGGER " + object.name() + (database.vendor() == Vendor.SQLITE ? "" : " ON " + object.table()));
                    case CONSTRAINT -> statement.execute("ALTER TABLE " + object.table() + " DROP CONSTRAINT " + object.name());
                    default -> { } // a function is replaced in place
                }
            }
            statement.execute(object.ddl().replace(SchemaCapture.SCHEMA_MARK, schema.replace("'", "''")));
        } catch (SQLException e) {
            if (breaksOnExistingRows(e)) {
                throw new DatabaseException(Reason.CONFLICTING_ROWS, "Repair cannot recreate " + object.describe() + ": "
                        + DatabaseErrors.translate(e, database.target()).getMessage() + " Rows written while it was missing break it: "
                        + "correct or remove them, then run repair again. Nothing was changed.", e);
            }
            throw e;
        }
    }

    /** An integrity violation: duplicates under a unique index, rows a check or a foreign key would refuse. */
    private static boolean breaksOnExistingRows(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
        }
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
