package com.syncdesk.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.output.ValidateResult;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.DashboardCounts;

/** Checks a database against what this SyncDesk's scripts promise: the file's pages, the history, the derived counts. */
final class SchemaValidator {

    private final Database database;
    private final SchemaHistory history;

    SchemaValidator(Database database, SchemaHistory history) {
        this.database = database;
        this.history = history;
    }

    /** The problems in words, empty when the database is valid. */
    List<String> validate() {
        List<String> problems = new ArrayList<>(damage());
        if (!problems.isEmpty()) {
            return problems;
        }
        new SchemaGuard(database).refuseUnmanaged(history.status());
        ValidateResult result = history.validate();
        if (!result.validationSuccessful) {
            result.invalidMigrations.forEach(m -> problems.add("Version " + m.version + ": " + m.errorDetails.errorMessage));
            if (problems.isEmpty() && result.errorDetails != null) {
                problems.add(result.errorDetails.errorMessage);
            }
        }
        SchemaStatus status = history.status();
        if (status.isNewerThanApp()) {
            problems.add(SchemaWords.newerRefusal(status, database.target().describe()).getMessage());
        } else if (status.currentVersion() >= DashboardCounts.SINCE_VERSION) {
            int drift = database.read(DashboardCounts::drift);
            if (drift > 0) {
                problems.add("The dashboard's counts differ from the sync states in " + drift + " figures (states were written with "
                        + "the counting triggers off); repair recounts them.");
            }
        }
        return problems;
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

    /** Removes failed history entries, realigns checksums and recounts the dashboard's counts. */
    void repair(SchemaStatus status) {
        new SchemaGuard(database).refuseUnmanaged(status);
        Privileges.of(database).refuseUnless(Work.REPAIR);
        history.repair();
        if (status.currentVersion() >= DashboardCounts.SINCE_VERSION) {
            database.inTransaction(connection -> {
                DashboardCounts.recount(connection);
                return null;
            });
        }
    }
}
